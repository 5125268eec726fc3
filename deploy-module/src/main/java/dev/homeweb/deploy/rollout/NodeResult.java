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

    /** A node that a stopped rollout never started. */
    static NodeResult skipped(String node, String why) {
        return new NodeResult(
                node,
                Outcome.SKIPPED,
                Optional.empty(),
                Optional.empty(),
                why,
                Duration.ZERO,
                List.of());
    }

    /** Whether the run put this node on its release (not merely found it there). */
    boolean switched() {
        return outcome == Outcome.DEPLOYED && release.isPresent() && !release.equals(previous);
    }

    /** Which release the node serves after the run, as far as the run knows. */
    public String serving() {
        return switch (outcome) {
            case DEPLOYED, UNCHANGED -> release.orElse("?");
            case ROLLED_BACK, FAILED_NO_CHANGE, LOCKED -> previous.orElse("as before");
            case SKIPPED -> "untouched";
            case NEEDS_ATTENTION -> "unknown";
        };
    }
}
