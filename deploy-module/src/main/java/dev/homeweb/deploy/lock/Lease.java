package dev.homeweb.deploy.lock;

import dev.homeweb.deploy.ssh.RemoteProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A held deploy lock: a command on the node that holds a {@code flock} on the lock file for as long
 * as it runs. It ends, and the kernel frees the lock, when this side closes it, when the connection
 * drops (the deployer was killed), or when no heartbeat arrived for {@link NodeLock#LAPSE} (the
 * network or the laptop went away without the connection noticing).
 */
public final class Lease implements AutoCloseable {
    /** How often this side proves it lives; well inside {@link NodeLock#LAPSE}. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final RemoteProcess holder;
    private final Optional<LockHolder> tookOverFrom;
    private final ScheduledExecutorService beats;

    Lease(RemoteProcess holder, Optional<LockHolder> tookOverFrom) {
        this.holder = holder;
        this.tookOverFrom = tookOverFrom;
        this.beats =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            var thread = new Thread(r, "deploy-lock-heartbeat");
                            thread.setDaemon(true);
                            return thread;
                        });
        beats.scheduleAtFixedRate(
                this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The holder whose lock this one replaced: it had left its lock file, and its flock was free.
     */
    public Optional<LockHolder> tookOverFrom() {
        return tookOverFrom;
    }

    /** Whether the node still holds the lock for this side. */
    public boolean isHeld() {
        return holder.isAlive();
    }

    private void beat() {
        try {
            var out = holder.stdin();
            out.write(".".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the holder is gone; isHeld() says so
        }
    }

    /** Lets go of the lock: the node's holder removes the lock file and exits. */
    @Override
    public void close() {
        beats.shutdownNow();
        holder.close();
    }
}
