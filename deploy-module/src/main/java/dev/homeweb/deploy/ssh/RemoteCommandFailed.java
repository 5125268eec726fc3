package dev.homeweb.deploy.ssh;

/** A remote command exited non-zero where the caller needed it to succeed. */
public final class RemoteCommandFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ExecResult result;

    public RemoteCommandFailed(String what, ExecResult result) {
        super(what + " failed (exit " + result.exitCode() + "): " + result.lastLine());
        this.result = result;
    }

    public ExecResult result() {
        return result;
    }
}
