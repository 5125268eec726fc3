package dev.homeweb.deploy.ssh;

/**
 * The node could not be reached or the SSH session broke. {@link #hostKeyProblem()} says whether it
 * was refused because its host key is unknown or changed.
 */
public final class SshFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean hostKeyProblem;

    public SshFailure(String message, boolean hostKeyProblem, Throwable cause) {
        super(message, cause);
        this.hostKeyProblem = hostKeyProblem;
    }

    public boolean hostKeyProblem() {
        return hostKeyProblem;
    }
}
