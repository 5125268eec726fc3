package dev.homeweb.deploy.lock;

import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The per-node deploy lock, tied to the deployer's live connection: a command on the node takes a
 * {@code flock} on {@code deploy.flock} and holds it while it runs (see {@link Lease}); {@code
 * deploy.lock} beside it names the holder. A dead deployer's flock is freed by the kernel, so its
 * leftover {@code deploy.lock} is proof that its holder is gone: the next deploy takes over and
 * says so ({@link Lease#tookOverFrom}).
 */
public record NodeLock(NodeShell shell, NodeLayout layout, Clock clock) {
    /** How long the node's holder waits for a heartbeat before it lets the lock go. */
    public static final Duration LAPSE = Duration.ofSeconds(60);

    /**
     * Takes the lock over this lock's connection, which must stay open while the lease is held,
     * waiting up to {@code wait} for another holder to let go.
     */
    public Lease acquire(LockHolder me, Duration wait) {
        var deadline = clock.instant().plus(wait);
        while (true) {
            var attempt = attempt(me);
            if (attempt.lease().isPresent()) {
                return attempt.lease().get();
            }
            if (!clock.instant().isBefore(deadline)) {
                throw locked(attempt.holder(), me);
            }
            sleep();
        }
    }

    /** A {@link Lease}, or else the holder that has the lock (empty if its file is unreadable). */
    private record Attempt(Optional<Lease> lease, Optional<LockHolder> holder) {}

    private Attempt attempt(LockHolder me) {
        var process = shell.start(holdScript(layout, me));
        try {
            var lines =
                    new BufferedReader(
                            new InputStreamReader(process.stdout(), StandardCharsets.UTF_8));
            Optional<LockHolder> stale = Optional.empty();
            var held = new StringBuilder();
            boolean busy = false;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals("acquired")) {
                    return new Attempt(Optional.of(new Lease(process, stale)), Optional.empty());
                } else if (line.startsWith("stale ")) {
                    stale = LockHolder.parse(line.substring(6).replace(' ', '\n'));
                } else if (line.equals("held")) {
                    busy = true;
                } else if (busy) {
                    held.append(line).append('\n');
                }
            }
            process.close();
            if (!busy) {
                throw new IllegalStateException(
                        "taking the deploy lock: the node's lock command ended without an answer"
                                + " (is flock installed?)");
            }
            return new Attempt(Optional.empty(), LockHolder.parse(held.toString()));
        } catch (IOException e) {
            process.close();
            throw new IllegalStateException("taking the deploy lock: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the flock or prints {@code held} and the holder's file; on success reports a leftover
     * lock file as {@code stale ...}, writes its own, prints {@code acquired} and holds the flock
     * until its input ends or no heartbeat came for {@link #LAPSE}. Children run without the
     * flock's descriptor, so only this shell holds it and killing it frees the lock.
     */
    static String holdScript(NodeLayout layout, LockHolder me) {
        return """
                mkdir -p %1$s
                exec 9>>%2$s
                if ! flock -n 9; then
                    echo held
                    cat %3$s 2>/dev/null || true
                    exit 0
                fi
                if [ -s %3$s ]; then echo "stale $(tr '\\n' ' ' < %3$s)"; fi
                cat > %3$s.new <<'HOME_WEB_EOF'
                %4$sHOME_WEB_EOF
                echo "holder_pid=$$" >> %3$s.new
                mv -f %3$s.new %3$s
                echo acquired
                while [ -n "$(exec 9>&-; timeout %5$d head -c 1)" ]; do :; done
                if grep -qx "holder_pid=$$" %3$s 2>/dev/null; then rm -f %3$s; fi
                """
                .formatted(
                        layout.root(),
                        layout.flock(),
                        layout.lock(),
                        me.toText(),
                        LAPSE.toSeconds());
    }

    /**
     * Frees the lock whoever holds it ({@code deploy lock release}): stops a live holder's command
     * on the node and removes the lock file. The deployer that held it finds its lease gone.
     */
    public Optional<LockHolder> forceRelease() {
        var holder = status();
        shell.run(releaseScript(layout)).orThrow("releasing the deploy lock");
        return holder;
    }

    static String releaseScript(NodeLayout layout) {
        return """
                pid=$(sed -n 's/^holder_pid=//p' %1$s 2>/dev/null || true)
                if [ -n "$pid" ] && ! flock -n %2$s true; then kill "$pid" 2>/dev/null || true; fi
                rm -f %1$s
                """
                .formatted(layout.lock(), layout.flock());
    }

    /** The live holder; a lock file whose flock is free is a dead deploy's and reads as free. */
    public Optional<LockHolder> status() {
        var result = shell.run(statusScript(layout)).orThrow("reading the deploy lock");
        return result.stdout().isBlank() ? Optional.empty() : LockHolder.parse(result.stdout());
    }

    static String statusScript(NodeLayout layout) {
        return """
                if [ -f %1$s ] && ! flock -n %2$s true 2>/dev/null; then cat %1$s; fi
                """
                .formatted(layout.lock(), layout.flock());
    }

    /** Whether a holder is known to be dead: it ran on this machine and its process is gone. */
    public static boolean isDead(LockHolder holder, String localHost) {
        return holder.host().equals(localHost)
                && ProcessHandle.of(holder.pid()).map(p -> !p.isAlive()).orElse(true);
    }

    private NodeLocked locked(Optional<LockHolder> holder, LockHolder me) {
        if (holder.isEmpty()) {
            return new NodeLocked(
                    "node is locked (unreadable lock file " + layout.lock() + ")", holder);
        }
        var h = holder.get();
        var advice =
                isDead(h, me.host())
                        ? "; that process is gone: the node frees its lock once the connection"
                                + " drops, within "
                                + LAPSE.toSeconds()
                                + "s at most, so try again then"
                        : "; wait for it, or pass --lock-wait; 'deploy lock release' stops it";
        return new NodeLocked("node is locked by " + h.describe() + advice, holder);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the deploy lock", e);
        }
    }
}
