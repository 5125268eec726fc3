package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy plan end to end on a {@link FakeNode}: what goes well. */
class DeployPlanTest {
    @TempDir Path dir;
    FakeNode node;

    @BeforeEach
    void setUp() throws Exception {
        node = new FakeNode(dir);
    }

    @Test
    void aFirstDeployRunsEveryStepAndLeavesOneAuditLine() throws Exception {
        var release = node.release("first");

        var result = node.deploy(release);

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(result.steps())
                .extracting(StepResult::step)
                .containsExactly(
                        "preflight",
                        "lock",
                        "upload",
                        "secrets",
                        "units",
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

    @Test
    void theSameReleaseAgainChangesNothing() throws Exception {
        var release = node.release("first");
        node.deploy(release);

        var again = node.deploy(release);

        assertThat(again.outcome()).as(node.printed()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.steps())
                .extracting(StepResult::step)
                .containsExactly("preflight", "lock", "upload", "secrets", "units", "health");
        assertThat(node.audit()).hasSize(2).last().asString().contains(" result=unchanged ");
    }
}
