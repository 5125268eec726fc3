package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.Lease;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.ssh.ExecResult;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.ssh.RemoteHost;
import dev.homeweb.deploy.units.NodeLayout;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private @Nullable RemoteHost lockHost;
    private @Nullable CompletableFuture<RemoteHost> lockHostAhead;
    private @Nullable Lease lease;

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

    /**
     * A connection of its own for the deploy lock: the lock lives as long as it does, so it must
     * outlast the renewals of the main connection (confirm opens a fresh one).
     */
    NodeShell lockShell() {
        if (lockHost == null) {
            lockHost = lockHostAhead != null ? awaitAhead() : connector.open(node);
        }
        return new NodeShell(lockHost, node.needsSudo());
    }

    /**
     * Starts opening the lock's connection in the background: its SSH handshake (a sixth of a
     * second) overlaps preflight's checks instead of following them. {@link #lockShell} takes it.
     */
    void connectLockAhead() {
        if (lockHost == null && lockHostAhead == null) {
            lockHostAhead =
                    CompletableFuture.supplyAsync(
                            () -> connector.open(node),
                            task -> {
                                var thread = new Thread(task, "lock-connection-" + node.name());
                                thread.setDaemon(true);
                                thread.start();
                            });
        }
    }

    private RemoteHost awaitAhead() {
        var ahead = Objects.requireNonNull(lockHostAhead);
        lockHostAhead = null;
        try {
            return ahead.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    void hold(LockHolder holder, Lease held) {
        lease = held;
        lockedBy = Optional.of(holder);
    }

    /** Whether the node still holds this run's lock (false once a connection drop freed it). */
    boolean holdsLock() {
        return lease != null && lease.isHeld();
    }

    /** Lets go of the lock and closes its connection. */
    void unlock() {
        try {
            if (lease != null) {
                lease.close();
            }
        } finally {
            lease = null;
            lockedBy = Optional.empty();
            if (lockHostAhead != null) {
                // Never taken (preflight failed): close it once its handshake is over.
                lockHostAhead.thenAccept(RemoteHost::close);
                lockHostAhead = null;
            }
            if (lockHost != null) {
                lockHost.close();
            }
            lockHost = null;
        }
    }

    Optional<LockHolder> lockedBy() {
        return lockedBy;
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
