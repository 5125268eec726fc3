package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.ssh.SshFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure injected at every step of a deploy (release B over a healthy release A) on a {@link
 * FakeNode}: the outcome, and so the exit code, follows from the step's phase and the undo's
 * result, and the run leaves its one audit line.
 */
class StepFailureTest extends ServingOldRelease {
    /**
     * @param serves "old" or "new": which release {@code current} points at afterwards
     * @param audit what the run's audit line ends with, or empty when it must write none
     */
    record Case(String name, Setup setup, Outcome outcome, String serves, Optional<String> audit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case failure(String name, Setup setup, Outcome outcome, String serves, String audit) {
        return new Case(name, setup, outcome, serves, Optional.of(audit));
    }

    static Case unaudited(String name, Setup setup, Outcome outcome) {
        return new Case(name, setup, outcome, "old", Optional.empty());
    }

    /** A directory where the step must replace a file: a real way for a rename to fail. */
    static void directoryInstead(Path file) throws java.io.IOException {
        Files.delete(file);
        Files.createDirectories(file);
    }

    static final LockHolder OTHER =
            new LockHolder("other", "elsewhere", 1, Instant.parse("2026-01-01T00:00:00Z"), "x");

    static final SshFailure GONE = new SshFailure("connection refused (fake)", false, null);

    static Stream<Case> failures() {
        return Stream.of(
                unaudited(
                        "preflight: disk full",
                        (n, a, b) -> n.inject("fail-disk"),
                        Outcome.FAILED_NO_CHANGE),
                unaudited(
                        "preflight: unreachable",
                        (n, a, b) -> n.connections(i -> Optional.of(GONE)),
                        Outcome.FAILED_NO_CHANGE),
                unaudited(
                        "lock: held by another live deploy",
                        (n, a, b) -> n.holdLock(OTHER),
                        Outcome.LOCKED),
                failure(
                        "upload: the tar stream breaks",
                        (n, a, b) -> n.inject("fail-upload"),
                        Outcome.FAILED_NO_CHANGE,
                        "old",
                        "step=upload result=failed"),
                failure(
                        "secrets: the agent cannot decrypt",
                        (n, a, b) -> n.inject("fail-agent"),
                        Outcome.FAILED_NO_CHANGE,
                        "old",
                        "step=secrets result=failed"),
                failure(
                        "units: a unit cannot be installed",
                        (n, a, b) ->
                                directoryInstead(
                                        n.root.resolve("etc/systemd/system/home-web.service")),
                        Outcome.FAILED_NO_CHANGE,
                        "old",
                        "step=units result=failed"),
                failure(
                        "migrate: a migration fails",
                        (n, a, b) -> n.inject("fail-start-home-web-migrate"),
                        Outcome.FAILED_NO_CHANGE,
                        "old",
                        "step=migrate result=failed"),
                failure(
                        "switch: current cannot be replaced",
                        (n, a, b) -> Files.createDirectories(n.root.resolve("current.new")),
                        Outcome.ROLLED_BACK,
                        "old",
                        "step=switch result=rolled-back"),
                failure(
                        "import: the content import fails",
                        (n, a, b) -> n.inject("fail-start-home-web-import"),
                        Outcome.ROLLED_BACK,
                        "old",
                        "step=import result=rolled-back"),
                failure(
                        "restart: the server does not restart",
                        (n, a, b) -> n.inject("fail-once-restart-home-web.service"),
                        Outcome.ROLLED_BACK,
                        "old",
                        "step=restart result=rolled-back"),
                failure(
                        "health: the new release is unhealthy",
                        (n, a, b) -> n.inject("unhealthy-" + b.id()),
                        Outcome.ROLLED_BACK,
                        "old",
                        "step=health result=rolled-back"),
                failure(
                        "confirm: the node is unreachable",
                        (n, a, b) -> n.connections(i -> Optional.ofNullable(i == 3 ? GONE : null)),
                        Outcome.NEEDS_ATTENTION,
                        "new",
                        "step=confirm result=needs-attention"),
                failure(
                        "confirm: the node rolled back by itself first",
                        (n, a, b) ->
                                n.connections(
                                        i -> {
                                            if (i == 3) {
                                                n.host()
                                                        .exec(
                                                                n.root
                                                                        + "/bin/home-web-rollback unconfirmed");
                                            }
                                            return Optional.empty();
                                        }),
                        Outcome.ROLLED_BACK,
                        "old",
                        "step=confirm result=rolled-back"),
                failure(
                        "finalize: the good list cannot be written",
                        (n, a, b) -> directoryInstead(n.root.resolve("state/good")),
                        Outcome.NEEDS_ATTENTION,
                        "new",
                        "step=finalize result=needs-attention"),
                failure(
                        "restart, and the undo fails too",
                        (n, a, b) -> n.inject("fail-restart-home-web.service"),
                        Outcome.NEEDS_ATTENTION,
                        "old",
                        "step=restart result=needs-attention"),
                failure(
                        "health, and the old release is unhealthy too",
                        (n, a, b) -> {
                            n.inject("unhealthy-" + b.id());
                            n.inject("unhealthy-" + a.id());
                        },
                        Outcome.NEEDS_ATTENTION,
                        "old",
                        "step=health result=needs-attention"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailureEndsAsItsPhaseAndTheUndoSay(Case failure) throws Exception {
        var audit = node.audit();
        failure.setup().inject(node, old, next);

        var result = node.deploy(next);

        assertThat(result.outcome()).as(node.printed()).isEqualTo(failure.outcome());
        assertThat(result.outcome().exitCode())
                .isEqualTo(
                        switch (failure.outcome()) {
                            case FAILED_NO_CHANGE -> 1;
                            case ROLLED_BACK -> 3;
                            case NEEDS_ATTENTION -> 4;
                            case LOCKED -> 5;
                            default -> 0;
                        });
        assertThat(node.current()).contains(failure.serves().equals("old") ? old.id() : next.id());
        var lines = node.audit().stream().filter(l -> l.contains("action=deploy")).toList();
        if (failure.audit().isEmpty()) {
            assertThat(node.audit()).isEqualTo(audit);
        } else {
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1))
                    .contains(
                            " node=blog action=deploy release="
                                    + next.id()
                                    + " previous="
                                    + old.id())
                    .contains(" by=tester@desk ")
                    .containsPattern(failure.audit().get() + " seconds=\\d+$");
        }
        if (!failure.outcome().equals(Outcome.LOCKED)) {
            assertThat(node.locked()).as(node.printed()).isFalse();
        }
        if (failure.serves().equals("old") && failure.outcome() == Outcome.ROLLED_BACK) {
            assertThat(node.running()).isEqualTo(old.id());
            assertThat(result.message()).contains("rolled back to " + old.id());
        }
    }
}
