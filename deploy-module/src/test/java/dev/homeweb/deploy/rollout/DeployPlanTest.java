package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.release.Release;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The deploy plan end to end on a {@link FakeNode}: what goes well. */
class DeployPlanTest extends OnFakeNode {
    @Test
    void aFirstDeployRunsEveryStepAndLeavesOneAuditLine() throws Exception {
        var release = node.release("first");

        var result = node.deploy(release);

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(FakeNode.stepsOf(result))
                .containsExactly(
                        "preflight",
                        "lock",
                        "upload",
                        "secrets",
                        "units",
                        "backup",
                        "migrate",
                        "switch",
                        "import",
                        "restart",
                        "health",
                        "confirm",
                        "finalize");
        assertThat(node.current()).contains(release.id());
        assertThat(node.running()).isEqualTo(release.id());
        assertThat(node.audit())
                .singleElement()
                .asString()
                .matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ node=blog action=deploy release="
                                + release.id()
                                + " previous=none by=tester@desk result=deployed seconds=\\d+");
        assertThat(node.locked()).isFalse();
        assertThat(node.printed()).contains("[blog] finalize   ok ");
    }

    /** Two releases of the same server whose content differs; the first one serving. */
    @Nested
    class ContentOnly {
        Release first;
        Release second;

        @BeforeEach
        void deployTheFirst() throws Exception {
            first = node.release("server", "first words");
            second = node.release("server", "second words");
            assertThat(node.deploy(first).outcome()).isEqualTo(Outcome.DEPLOYED);
        }

        @Test
        void aChangeImportsAndReloadsWithoutRestartingTheServer() throws Exception {
            var calls = node.systemctlCalls();

            var result = node.deploy(second);

            assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
            assertThat(result.steps())
                    .extracting(StepResult::step)
                    .containsSubsequence("units", "code", "switch", "import", "reload", "confirm")
                    .doesNotContain("migrate", "restart", "health");
            assertThat(node.systemctlCalls().substring(calls.length()))
                    .doesNotContain("restart home-web.service")
                    .contains("start home-web-import.service");
            assertThat(node.running()).isEqualTo(first.id());
            assertThat(node.content()).isEqualTo(second.id());
            assertThat(node.printed()).contains("only content differs: reload, no restart");
        }

        @Test
        void itsRollbackReloadsTheOldContentWithoutRestarting() throws Exception {
            node.deploy(second);
            var calls = node.systemctlCalls();

            var back = node.rollback(Optional.of(first.id()));

            assertThat(back.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
            assertThat(back.steps()).extracting(StepResult::step).contains("reload");
            assertThat(node.systemctlCalls().substring(calls.length()))
                    .doesNotContain("restart home-web.service");
            assertThat(node.running()).isEqualTo(first.id());
            assertThat(node.content()).isEqualTo(first.id());
            assertThat(node.current()).contains(first.id());
        }
    }

    @Test
    void theSameReleaseAgainChangesNothing() throws Exception {
        var release = node.release("first");
        node.deploy(release);

        var again = node.deploy(release);

        assertThat(again.outcome()).as(node.printed()).isEqualTo(Outcome.UNCHANGED);
        assertThat(FakeNode.stepsOf(again))
                .containsExactly("preflight", "lock", "upload", "secrets", "units", "health");
        assertThat(node.audit()).hasSize(2).last().asString().contains(" result=unchanged ");
    }

    @Test
    void aSecretOnlyChangeRestartsTheUnitsThatUseItAndChecksHealth() throws Exception {
        var release = deployedWithANewDatabaseUrl();

        var rotated = node.deploy(release);

        assertThat(rotated.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(FakeNode.stepsOf(rotated))
                .containsExactly(
                        "preflight", "lock", "upload", "secrets", "units", "restart", "health");
        assertThat(rotated.message())
                .isEqualTo(
                        "release "
                                + release.id()
                                + " serving; secrets: database-url changed (sha256 0123456789ab…);"
                                + " restarted home-web.service; if running: home-web-import.service");
        assertThat(node.audit()).last().asString().contains(" result=rotated ");
    }

    @Test
    void aServerUnhealthyWithNewSecretValuesNeedsAttentionForNothingCanUndoIt() throws Exception {
        var release = deployedWithANewDatabaseUrl();
        node.inject("unhealthy-" + release.id());

        var rotated = node.deploy(release);

        assertThat(rotated.outcome()).as(node.printed()).isEqualTo(Outcome.NEEDS_ATTENTION);
        assertThat(rotated.message())
                .startsWith(
                        "release "
                                + release.id()
                                + " is not healthy with the new secret values; fix the secret and"
                                + " deploy again: unit failed");
        assertThat(node.printed()).doesNotContain("[blog] rollback");
        assertThat(node.audit()).last().asString().contains(" step=health result=needs-attention ");
    }

    @Test
    void secretsInitUploadsTheReleaseAndHasItsAgentMakeTheKey() throws Exception {
        var release = node.release("first");

        var init =
                new NodeAdmin(node.connector(), FakeNode.CLOCK, node.settings)
                        .initSecrets(node.node, release, List.of(), FakeNode.ME, node.steps());

        assertThat(init.recipient()).as(node.printed()).contains("age1fakefakefake");
        assertThat(FakeNode.stepsOf(init.node()))
                .containsExactly("preflight", "lock", "upload", "identity");
        assertThat(node.current()).isEmpty();
        assertThat(node.audit())
                .singleElement()
                .asString()
                .contains(" action=secrets-init release=" + release.id() + " previous=none")
                .contains(" result=identity-ready ");
    }

    @Test
    void secretsInitRefusedByTheAgentFailsWithNothingChanged() throws Exception {
        node.inject("fail-agent");

        var init =
                new NodeAdmin(node.connector(), FakeNode.CLOCK, node.settings)
                        .initSecrets(
                                node.node,
                                node.release("first"),
                                List.of(),
                                FakeNode.ME,
                                node.steps());

        assertThat(init.recipient()).isEmpty();
        assertThat(init.node().outcome()).isEqualTo(Outcome.FAILED_NO_CHANGE);
        assertThat(init.node().message()).contains("cannot be decrypted on node 'blog'");
        assertThat(node.locked()).isFalse();
    }

    /** A release serving, and the agent about to report database-url as changed. */
    private Release deployedWithANewDatabaseUrl() throws Exception {
        var release = node.release("first");
        node.deploy(release);
        Files.writeString(
                node.fake.resolve("secret-changes"), "changed database-url 0123456789ab\n");
        return release;
    }
}
