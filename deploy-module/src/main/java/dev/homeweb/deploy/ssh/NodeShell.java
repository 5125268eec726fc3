package dev.homeweb.deploy.ssh;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Runs scripts on a node with the privileges deploying needs: as root directly, or through {@code
 * sudo -n} (never a password prompt: it fails instead). Long scripts travel on stdin ({@code sh
 * -s}); {@link #runWithInput} keeps stdin for data such as a secret, which therefore never appears
 * in argv.
 */
public final class NodeShell {
    private final RemoteHost host;
    private final boolean sudo;

    public NodeShell(RemoteHost host, boolean sudo) {
        this.host = Objects.requireNonNull(host, "host");
        this.sudo = sudo;
    }

    /** Runs a POSIX sh script as root, sent on stdin. */
    public ExecResult run(String script) {
        var bytes = ("set -eu\n" + script).getBytes(StandardCharsets.UTF_8);
        return host.exec(prefix() + "sh -s", out -> out.write(bytes));
    }

    /** Runs a one-line script as root; {@code input} becomes its standard input. */
    public ExecResult runWithInput(String script, RemoteHost.Stdin input) {
        return host.exec(prefix() + "sh -c " + quote("set -eu; " + script), input);
    }

    /** Starts a script as root that keeps running while the caller talks to it. */
    public RemoteProcess start(String script) {
        return host.start(prefix() + "sh -c " + quote("set -eu\n" + script));
    }

    /** Runs a script as root, passing its output on as it arrives. */
    public int stream(String script, OutputStream out, OutputStream err) {
        return host.stream(prefix() + "sh -c " + quote(script), out, err);
    }

    public RemoteHost host() {
        return host;
    }

    private String prefix() {
        return sudo ? "sudo -n " : "";
    }

    /** Single-quotes a word for the POSIX shell. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
