package dev.homeweb.deploy.rollout;

import java.time.Duration;
import java.util.Objects;

/** One step on one node: its name, whether it went well, how long it took, a short detail. */
public record StepResult(String node, String step, boolean ok, Duration duration, String detail) {
    public StepResult {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(detail, "detail");
    }

    public double seconds() {
        return duration.toMillis() / 1000.0;
    }
}
