package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.ssh.SshFailure;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code deploy rollback} on a {@link FakeNode} where release {@code old} was deployed, then {@code
 * next}: it runs the deploy's own switch, import, restart, health and confirm steps, so a failure
 * ends the same way.
 */
class RollbackPlanTest extends ServingOldRelease {
    @BeforeAll
    static void deployTheNextOneOverIt() throws Exception {
        deploy(next);
    }

    @Test
    void goesBackToThePreviousGoodReleaseAndSaysSoInTheAuditLog() throws Exception {
        var result = node.rollback(Optional.empty());

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(result.message()).startsWith("rolled back to " + old.id() + ": unit active");
        assertThat(FakeNode.stepsOf(result))
                .containsExactly(
                        "preflight",
                        "lock",
                        "target",
                        "schema",
                        "code",
                        "switch",
                        "import",
                        "restart",
                        "health",
                        "confirm");
        assertThat(node.current()).contains(old.id());
        assertThat(node.running()).isEqualTo(old.id());
        assertThat(node.audit().get(node.audit().size() - 1))
                .contains(
                        " node=blog action=rollback release="
                                + old.id()
                                + " previous="
                                + next.id()
                                + " by=tester@desk result=rolled-back seconds=");
        assertThat(node.locked()).isFalse();
    }

    @Test
    void goesForwardToANamedRelease() throws Exception {
        node.rollback(Optional.empty());

        var result = node.rollback(Optional.of(next.id()));

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(node.current()).contains(next.id());
    }

    /** A failure while rolling back {@code next} to {@code old}, and how it ends. */
    record Case(
            String name,
            Setup setup,
            Optional<String> to,
            Outcome outcome,
            boolean onOld,
            String audit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> failures() {
        var gone = new SshFailure("connection refused (fake)", false, null);
        return Stream.of(
                new Case(
                        "target: the named release is not on the node",
                        (n, old, next) -> {},
                        Optional.of("0123456789abcdef"),
                        Outcome.FAILED_NO_CHANGE,
                        false,
                        "step=target result=failed"),
                new Case(
                        "switch: current cannot be replaced",
                        (n, old, next) ->
                                java.nio.file.Files.createDirectories(
                                        n.root.resolve("current.new")),
                        Optional.empty(),
                        Outcome.ROLLED_BACK,
                        false,
                        "step=switch result=rolled-back"),
                new Case(
                        "import: the content import fails",
                        (n, old, next) -> n.inject("fail-start-home-web-import"),
                        Optional.empty(),
                        Outcome.ROLLED_BACK,
                        false,
                        "step=import result=rolled-back"),
                new Case(
                        "health: the older release is unhealthy",
                        (n, old, next) -> n.inject("unhealthy-" + old.id()),
                        Optional.empty(),
                        Outcome.ROLLED_BACK,
                        false,
                        "step=health result=rolled-back"),
                new Case(
                        "confirm: the node is unreachable",
                        (n, old, next) ->
                                n.connections(i -> Optional.ofNullable(i == 3 ? gone : null)),
                        Optional.empty(),
                        Outcome.NEEDS_ATTENTION,
                        true,
                        "step=confirm result=needs-attention"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailureEndsAsItsPhaseAndTheUndoSay(Case failure) throws Exception {
        failure.setup().inject(node, old, next);

        var result = node.rollback(failure.to());

        assertThat(result.outcome()).as(node.printed()).isEqualTo(failure.outcome());
        assertThat(node.current()).contains(failure.onOld() ? old.id() : next.id());
        assertThat(node.audit().get(node.audit().size() - 1))
                .contains(" action=rollback ")
                .containsPattern(failure.audit() + " seconds=\\d+$");
        assertThat(node.locked()).isFalse();
    }
}
