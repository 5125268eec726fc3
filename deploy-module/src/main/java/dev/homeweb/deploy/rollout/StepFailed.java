package dev.homeweb.deploy.rollout;

/**
 * A step could not do its work. {@link Kind} says what that leaves behind beyond the step's {@link
 * Phase}; the runner derives the outcome from both.
 */
final class StepFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What a failure says about the node, on top of its phase. */
    enum Kind {
        /** The step did not do its work; its undo (if any) is still possible. */
        FAILED,
        /** Another deploy holds the node's lock. */
        LOCKED,
        /** The connection is gone: what the node did last is unknown, nothing can be undone. */
        UNREACHABLE,
        /** The node undid the change by itself (its rollback timer fired). */
        UNDONE_BY_NODE
    }

    private final Kind kind;

    StepFailed(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    StepFailed(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    static StepFailed failed(String message) {
        return new StepFailed(Kind.FAILED, message);
    }

    Kind kind() {
        return kind;
    }
}
