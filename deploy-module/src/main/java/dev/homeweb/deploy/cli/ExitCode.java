package dev.homeweb.deploy.cli;

/** The deploy tool's exit codes; each says something different about the nodes' state. */
final class ExitCode {
    /** Every node runs the new release (or nothing needed to change). */
    static final int OK = 0;

    /** Something failed before anything changed on any failing node. */
    static final int FAILED_NO_CHANGE = 1;

    /** Bad command line or configuration; nothing was contacted. */
    static final int USAGE = 2;

    /** The deploy failed and the node is back on its previous release, serving. */
    static final int ROLLED_BACK = 3;

    /** The node's state is unknown or broken: a person must look. */
    static final int NEEDS_ATTENTION = 4;

    /** The node is locked by another deploy. */
    static final int LOCKED = 5;

    private ExitCode() {}
}
