package dev.homeweb.deploy.rollout;

/** A step failed; {@link #outcome()} says what state that leaves the node in. */
public final class DeployFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Outcome outcome;

    public DeployFailed(Outcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public DeployFailed(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
