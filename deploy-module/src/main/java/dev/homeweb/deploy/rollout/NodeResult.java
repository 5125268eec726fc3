package dev.homeweb.deploy.rollout;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What happened on one node: the outcome, the releases involved, and every step. */
public record NodeResult(
        String node,
        Outcome outcome,
        Optional<String> release,
        Optional<String> previous,
        String message,
        Duration duration,
        List<StepResult> steps) {
    public NodeResult {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(duration, "duration");
        steps = List.copyOf(steps);
    }
}
