package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.deploy.rollout.StepFailed.Kind;
import dev.homeweb.deploy.ssh.ExecResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the steps read their scripts' results, and how the runner turns a failure into an outcome.
 */
class StepParsersTest {
    @ParameterizedTest(name = "{0} {1}, undone {2} -> {3}")
    @CsvSource({
        "BEFORE_SWITCH, FAILED, , FAILED_NO_CHANGE",
        "BEFORE_SWITCH, UNREACHABLE, , FAILED_NO_CHANGE",
        "BEFORE_SWITCH, LOCKED, , LOCKED",
        "AFTER_SWITCH, FAILED, true, ROLLED_BACK",
        "AFTER_SWITCH, FAILED, false, NEEDS_ATTENTION",
        "AFTER_SWITCH, FAILED, , NEEDS_ATTENTION",
        "AFTER_SWITCH, UNREACHABLE, , NEEDS_ATTENTION",
        "AFTER_SWITCH, UNDONE_BY_NODE, , ROLLED_BACK",
        "AFTER_CONFIRM, FAILED, , NEEDS_ATTENTION"
    })
    void theOutcomeFollowsFromThePhaseTheKindAndTheUndo(
            Phase phase, Kind kind, Boolean undone, Outcome outcome) {
        assertThat(StepRunner.outcome(phase, kind, Optional.ofNullable(undone))).isEqualTo(outcome);
    }

    @Test
    void theImportStepKeepsOnlyTheDraftPreviewLinesAndFailsWithTheJournalsLastLine() {
        var printed =
                "  preview of next.md https://blog.example.org/preview/sbGyja5J3opY7C0nrIwZLA\n"
                        + "Imported: 1 added\n";
        assertThat(SwitchSteps.previews(new ExecResult(0, printed, "")))
                .containsExactly(
                        "preview of next.md https://blog.example.org/preview/sbGyja5J3opY7C0nrIwZLA");
        assertThat(SwitchSteps.previews(new ExecResult(0, "", ""))).isEmpty();
        assertThatThrownBy(
                        () ->
                                SwitchSteps.previews(
                                        new ExecResult(1, "", "posts/a.md:2: no title\n")))
                .hasMessage("content import failed: posts/a.md:2: no title");
    }

    @Test
    void preflightReadsTheFreeKilobytesAndNamesWhatIsMissing() {
        assertThat(DeploySteps.freeKilobytes(new ExecResult(0, "123456\n", ""))).isEqualTo(123456);
        assertThatThrownBy(
                        () ->
                                DeploySteps.freeKilobytes(
                                        new ExecResult(3, "", "PID 1 is init, not systemd\n")))
                .hasMessage("preflight failed: PID 1 is init, not systemd");
        assertThatThrownBy(() -> DeploySteps.freeKilobytes(new ExecResult(0, "\n", "")))
                .hasMessage("preflight printed no number: ''");
        assertThatThrownBy(() -> DeploySteps.requireSpace(1024, 200L << 20, "/srv/blog"))
                .hasMessage("not enough disk space under /srv/blog: 1 MB free, 264 MB needed");
    }

    @Test
    void restartReadsTheCounterOrFails() {
        assertThat(SwitchSteps.restarts(new ExecResult(0, "2\n", ""))).isEqualTo(2);
        assertThatThrownBy(() -> SwitchSteps.restarts(new ExecResult(1, "", "Job failed.\n")))
                .isInstanceOf(StepFailed.class)
                .hasMessage("restarting failed: Job failed.");
        assertThatThrownBy(() -> SwitchSteps.restarts(new ExecResult(0, "[not set]\n", "")))
                .hasMessage("restarting printed no number: '[not set]'");
    }

    @Test
    void aRollbackGoesToTheNewestGoodReleaseThatIsNotCurrent() {
        assertThat(DeploySteps.previousGood(List.of("r1", "r2", "r3"), Optional.of("r3")))
                .isEqualTo("r2");
        assertThat(DeploySteps.previousGood(List.of("r1", "r2"), Optional.of("r9")))
                .isEqualTo("r2");
        assertThatThrownBy(() -> DeploySteps.previousGood(List.of("r1"), Optional.of("r1")))
                .hasMessage("no previous good release to roll back to");
    }

    @Test
    void onlyAStepAfterTheSwitchCanHaveAnUndo() {
        assertThatThrownBy(
                        () ->
                                new Step<>(
                                        "units",
                                        Phase.BEFORE_SWITCH,
                                        s -> "x",
                                        x -> x,
                                        Optional.of(r -> "undone")))
                .hasMessage("step units: only a step after the switch has an undo");
    }
}
