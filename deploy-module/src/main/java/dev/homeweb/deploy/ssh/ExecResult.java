package dev.homeweb.deploy.ssh;

import java.util.Objects;

/** What a remote command did: its exit code and what it printed. */
public record ExecResult(int exitCode, String stdout, String stderr) {
    public ExecResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    public boolean ok() {
        return exitCode == 0;
    }

    /** Throws with the command's stderr unless it exited 0. */
    public ExecResult orThrow(String what) {
        if (!ok()) {
            throw new RemoteCommandFailed(what, this);
        }
        return this;
    }

    /** The most useful line to show a person: the last line of stderr, else of stdout. */
    public String lastLine() {
        var text = stderr.isBlank() ? stdout : stderr;
        var lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
