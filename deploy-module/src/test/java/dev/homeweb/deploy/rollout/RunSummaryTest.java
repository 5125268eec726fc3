package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    static final List<NodeResult> RESULTS =
            List.of(
                    new NodeResult(
                            "blog",
                            Outcome.DEPLOYED,
                            Optional.of("65b50aafc36e3335"),
                            Optional.empty(),
                            "release 65b50aafc36e3335 serving",
                            Duration.ofMillis(54_700),
                            List.of(
                                    new StepResult(
                                            "blog",
                                            "preflight",
                                            true,
                                            Duration.ofMillis(3040),
                                            "deploy@10.0.0.2:22"),
                                    new StepResult(
                                            "blog",
                                            "health",
                                            true,
                                            Duration.ofMillis(14_300),
                                            "unit active"))),
                    new NodeResult(
                            "mirror",
                            Outcome.ROLLED_BACK,
                            Optional.of("aba86c2718dc9e40"),
                            Optional.of("65b50aafc36e3335"),
                            "release \"x\" is not healthy",
                            Duration.ofMillis(61_000),
                            List.of()));

    @Test
    void jsonSummaryNamesEveryNodeStepAndOutcome() {
        assertThat(RunSummary.json(RESULTS, 3))
                .isEqualTo(
                        "{\"exitCode\":3,\"nodes\":["
                                + "{\"node\":\"blog\",\"result\":\"deployed\",\"release\":\"65b50aafc36e3335\",\"previous\":null,"
                                + "\"serving\":\"65b50aafc36e3335\",\"seconds\":54.700,\"message\":\"release 65b50aafc36e3335 serving\",\"steps\":["
                                + "{\"step\":\"preflight\",\"ok\":true,\"seconds\":3.040,\"detail\":\"deploy@10.0.0.2:22\"},"
                                + "{\"step\":\"health\",\"ok\":true,\"seconds\":14.300,\"detail\":\"unit active\"}]},"
                                + "{\"node\":\"mirror\",\"result\":\"rolled_back\",\"release\":\"aba86c2718dc9e40\","
                                + "\"previous\":\"65b50aafc36e3335\",\"serving\":\"65b50aafc36e3335\","
                                + "\"seconds\":61.000,"
                                + "\"message\":\"release \\\"x\\\" is not healthy\",\"steps\":[]}]}");
    }

    @Test
    void textSummaryIsOneLinePerNode() {
        assertThat(RunSummary.text(RESULTS))
                .isEqualTo(
                        """
                        NODE                 RESULT                   SERVES                TIME  MESSAGE
                        blog                 deployed                 65b50aafc36e3335     54.7s  release 65b50aafc36e3335 serving
                        mirror               rolled back              65b50aafc36e3335     61.0s  release "x" is not healthy
                        """);
    }

    @Test
    void theWorstOutcomeDecidesTheExitCode() {
        assertThat(Rollout.exitCode(RESULTS)).isEqualTo(3);
        assertThat(Rollout.exitCode(List.of(RESULTS.get(0)))).isZero();
        assertThat(Outcome.FAILED_NO_CHANGE.exitCode()).isEqualTo(1);
        assertThat(Outcome.NEEDS_ATTENTION.exitCode()).isEqualTo(4);
        assertThat(Outcome.LOCKED.exitCode()).isEqualTo(5);
    }
}
