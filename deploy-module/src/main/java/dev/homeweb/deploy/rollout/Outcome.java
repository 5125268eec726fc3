package dev.homeweb.deploy.rollout;

/**
 * How a node ended up. Each maps to an exit code (a node a stopped rollout never started has the
 * exit code of "nothing changed"); a run's exit code is the worst of its nodes'.
 */
public enum Outcome {
    DEPLOYED(0, "deployed"),
    UNCHANGED(0, "unchanged"),
    FAILED_NO_CHANGE(1, "failed, nothing changed"),
    ROLLED_BACK(3, "rolled back"),
    NEEDS_ATTENTION(4, "NEEDS ATTENTION"),
    LOCKED(5, "locked"),
    /** A rolling deploy stopped before this node's batch: it was not contacted. */
    SKIPPED(1, "not started");

    private final int exitCode;
    private final String label;

    Outcome(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    public int exitCode() {
        return exitCode;
    }

    public String label() {
        return label;
    }

    /** The JSON name: {@code failed_no_change}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Ordering for "worst": needs attention beats rolled back beats locked beats failed. */
    int severity() {
        return switch (this) {
            case DEPLOYED, UNCHANGED -> 0;
            case SKIPPED -> 1;
            case FAILED_NO_CHANGE -> 1;
            case LOCKED -> 2;
            case ROLLED_BACK -> 3;
            case NEEDS_ATTENTION -> 4;
        };
    }
}
