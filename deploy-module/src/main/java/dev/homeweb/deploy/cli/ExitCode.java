package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.ConfigException;
import dev.homeweb.deploy.config.UserError;
import dev.homeweb.deploy.rollout.Outcome;
import dev.homeweb.deploy.ssh.RemoteCommandFailed;
import dev.homeweb.deploy.ssh.SshFailure;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Exit codes of commands that deploy nothing; a deploy's own code comes from its nodes' {@link
 * Outcome}s (0 deployed, 1 failed before any change, 3 rolled back, 4 needs attention, 5 locked).
 */
final class ExitCode {
    static final int OK = 0;

    /** Something failed before anything changed. */
    static final int FAILED_NO_CHANGE = Outcome.FAILED_NO_CHANGE.exitCode();

    /** Bad command line or configuration; nothing was contacted. */
    static final int USAGE = 2;

    private ExitCode() {}

    /**
     * An exception that left a command. Deploys, rollbacks and {@code secrets init} report through
     * their plans and never land here; what does is bad config (2), a user error (1), or a failure
     * of a command that changes no node's serving state (status, logs, lock, plan, the local secret
     * files): nothing changed, so 1, with the exception shown when it is unexpected.
     */
    static int forException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        var err = commandLine.getErr();
        int code = FAILED_NO_CHANGE;
        String text;
        if (e instanceof ConfigException) {
            code = USAGE;
            text = "deploy: " + e.getMessage();
        } else if (e instanceof UserError) {
            text = "deploy: " + e.getMessage();
        } else if (e instanceof SshFailure
                || e instanceof RemoteCommandFailed
                || e instanceof UncheckedIOException) {
            text = "deploy " + commandLine.getCommandName() + ": " + e.getMessage();
        } else {
            text = "deploy " + commandLine.getCommandName() + ": unexpected: " + e;
        }
        err.println(text);
        err.flush();
        return code;
    }
}
