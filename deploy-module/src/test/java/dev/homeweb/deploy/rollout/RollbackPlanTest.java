package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.ssh.SshFailure;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code deploy rollback} on a {@link FakeNode} where release A was deployed, then B: it runs the
 * deploy's own switch, import, restart, health and confirm steps, so a failure ends the same way.
 */
class RollbackPlanTest {
    @TempDir static Path dir;
    static FakeNode node;
    static Release a;
    static Release b;

    @BeforeAll
    static void deployTwice() throws Exception {
        node = new FakeNode(dir);
        a = node.release("a");
        b = node.release("b");
        assertThat(node.deploy(a).outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(node.deploy(b).outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        node.snapshot();
    }

    @BeforeEach
    void restore() throws Exception {
        node.restore();
    }

    @Test
    void goesBackToThePreviousGoodReleaseAndSaysSoInTheAuditLog() throws Exception {
        var result = node.rollback(Optional.empty());

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(result.message()).startsWith("rolled back to " + a.id() + ": unit active");
        assertThat(result.steps())
                .extracting(StepResult::step)
                .containsExactly(
                        "preflight",
                        "lock",
                        "target",
                        "code",
                        "switch",
                        "import",
                        "restart",
                        "health",
                        "confirm");
        assertThat(node.current()).contains(a.id());
        assertThat(node.running()).isEqualTo(a.id());
        assertThat(node.audit().get(node.audit().size() - 1))
                .contains(
                        " node=blog action=rollback release="
                                + a.id()
                                + " previous="
                                + b.id()
                                + " by=tester@desk result=rolled-back seconds=");
        assertThat(node.locked()).isFalse();
    }

    @Test
    void goesForwardToANamedRelease() throws Exception {
        node.rollback(Optional.empty());

        var result = node.rollback(Optional.of(b.id()));

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(node.current()).contains(b.id());
    }

    /** A failure while rolling back B to A, and how it ends. */
    record Case(
            String name,
            Setup setup,
            Optional<String> to,
            Outcome outcome,
            boolean onA,
            String audit) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Setup {
        void inject(FakeNode node, Release a, Release b) throws Exception;
    }

    static Stream<Case> failures() {
        var gone = new SshFailure("connection refused (fake)", false, null);
        return Stream.of(
                new Case(
                        "target: the named release is not on the node",
                        (n, a, b) -> {},
                        Optional.of("0123456789abcdef"),
                        Outcome.FAILED_NO_CHANGE,
                        false,
                        "step=target result=failed"),
                new Case(
                        "switch: current cannot be replaced",
                        (n, a, b) ->
                                java.nio.file.Files.createDirectories(
                                        n.root.resolve("current.new")),
                        Optional.empty(),
                        Outcome.ROLLED_BACK,
                        false,
                        "step=switch result=rolled-back"),
                new Case(
                        "import: the content import fails",
                        (n, a, b) -> n.inject("fail-start-home-web-import"),
                        Optional.empty(),
                        Outcome.ROLLED_BACK,
                        false,
                        "step=import result=rolled-back"),
                new Case(
                        "health: the older release is unhealthy",
                        (n, a, b) -> n.inject("unhealthy-" + a.id()),
                        Optional.empty(),
                        Outcome.ROLLED_BACK,
                        false,
                        "step=health result=rolled-back"),
                new Case(
                        "confirm: the node is unreachable",
                        (n, a, b) -> n.connections(i -> Optional.ofNullable(i == 2 ? gone : null)),
                        Optional.empty(),
                        Outcome.NEEDS_ATTENTION,
                        true,
                        "step=confirm result=needs-attention"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailureEndsAsItsPhaseAndTheUndoSay(Case failure) throws Exception {
        failure.setup().inject(node, a, b);

        var result = node.rollback(failure.to());

        assertThat(result.outcome()).as(node.printed()).isEqualTo(failure.outcome());
        assertThat(node.current()).contains(failure.onA() ? a.id() : b.id());
        assertThat(node.audit().get(node.audit().size() - 1))
                .contains(" action=rollback ")
                .containsPattern(failure.audit() + " seconds=\\d+$");
        assertThat(node.locked()).isFalse();
    }
}
