package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.rollout.Outcome;

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
}
