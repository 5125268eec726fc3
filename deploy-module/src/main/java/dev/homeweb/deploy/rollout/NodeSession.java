package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.ssh.ExecResult;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.ssh.RemoteHost;
import dev.homeweb.deploy.units.NodeLayout;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The state of one plan on one node: its connection (opened by preflight, renewed for confirm,
 * closed at the end), the releases involved, and whether this run holds the node's lock.
 */
final class NodeSession implements AutoCloseable {
    private final NodeConnector connector;
    private final NodeConfig node;
    private final NodeLayout layout;
    private @Nullable RemoteHost host;
    private @Nullable NodeShell shell;
    private Optional<String> release = Optional.empty();
    private Optional<String> previous = Optional.empty();
    private Optional<LockHolder> lockedBy = Optional.empty();

    NodeSession(NodeConnector connector, NodeConfig node) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.node = Objects.requireNonNull(node, "node");
        this.layout = new NodeLayout(node.root());
    }

    NodeConfig node() {
        return node;
    }

    NodeLayout layout() {
        return layout;
    }

    /** Opens a fresh connection, closing the one before; an unreachable node throws SshFailure. */
    RemoteHost open() {
        close();
        var opened = connector.open(node);
        host = opened;
        shell = new NodeShell(opened, node.needsSudo());
        return opened;
    }

    boolean isOpen() {
        return shell != null;
    }

    NodeShell shell() {
        if (shell == null) {
            throw new IllegalStateException("no connection to node " + node.name() + " yet");
        }
        return shell;
    }

    /** Runs a script as root over the current connection. */
    ExecResult run(String script) {
        return shell().run(script);
    }

    NodeQueries queries() {
        return new NodeQueries(shell(), layout);
    }

    /** The release this run puts or keeps in place, once known. */
    Optional<String> release() {
        return release;
    }

    void release(String id) {
        release = Optional.of(id);
    }

    /** The release that served when this run took the lock. */
    Optional<String> previous() {
        return previous;
    }

    void previous(Optional<String> id) {
        previous = id;
    }

    Optional<LockHolder> lockedBy() {
        return lockedBy;
    }

    void lockedBy(Optional<LockHolder> holder) {
        lockedBy = holder;
    }

    @Override
    public void close() {
        if (host != null) {
            host.close();
        }
        host = null;
        shell = null;
    }
}
