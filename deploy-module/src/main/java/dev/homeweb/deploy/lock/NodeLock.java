package dev.homeweb.deploy.lock;

import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The per-node deploy lock: a file created with the shell's noclobber ({@code O_EXCL}), so of two
 * deploys exactly one creates it. It records the holder; a holder that is the same machine and a
 * process that no longer runs is reported as dead, and {@code deploy lock release} clears it.
 */
public final class NodeLock {
    private final NodeShell shell;
    private final NodeLayout layout;
    private final Clock clock;

    public NodeLock(NodeShell shell, NodeLayout layout, Clock clock) {
        this.shell = shell;
        this.layout = layout;
        this.clock = clock;
    }

    /** Takes the lock, waiting up to {@code wait} for another holder to let go. */
    public void acquire(LockHolder me, Duration wait) {
        var deadline = clock.instant().plus(wait);
        while (true) {
            var result = shell.run(acquireScript(layout, me)).orThrow("taking the deploy lock");
            if (result.stdout().startsWith("acquired")) {
                return;
            }
            var holder = LockHolder.parse(result.stdout());
            if (!clock.instant().isBefore(deadline)) {
                throw locked(holder, me);
            }
            sleep();
        }
    }

    /** Releases the lock if {@code me} holds it. */
    public void release(LockHolder me) {
        shell.run(releaseScript(layout, me)).orThrow("releasing the deploy lock");
    }

    /**
     * Creates the lock file with noclobber ({@code O_EXCL}) and prints {@code acquired}, or prints
     * the holder's lock file.
     */
    static String acquireScript(NodeLayout layout, LockHolder me) {
        return """
                mkdir -p %1$s
                if ( set -C; cat > %2$s ) 2>/dev/null <<'HOME_WEB_EOF'
                %3$sHOME_WEB_EOF
                then echo acquired; else cat %2$s 2>/dev/null || true; fi
                """
                .formatted(layout.root(), layout.lock(), me.toText());
    }

    /** Removes the lock file only if {@code me} (this process on this machine) holds it. */
    static String releaseScript(NodeLayout layout, LockHolder me) {
        return """
                if grep -qx 'pid=%2$d' %1$s 2>/dev/null && grep -qx 'host=%3$s' %1$s; then
                    rm -f %1$s
                fi
                """
                .formatted(layout.lock(), me.pid(), me.host());
    }

    /** Removes the lock whoever holds it ({@code deploy lock release}). */
    public Optional<LockHolder> forceRelease() {
        var holder = status();
        shell.run("rm -f " + layout.lock() + "\n").orThrow("releasing the deploy lock");
        return holder;
    }

    public Optional<LockHolder> status() {
        var result =
                shell.run("if [ -f " + layout.lock() + " ]; then cat " + layout.lock() + "; fi\n")
                        .orThrow("reading the deploy lock");
        return result.stdout().isBlank() ? Optional.empty() : LockHolder.parse(result.stdout());
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
        var dead =
                isDead(h, me.host())
                        ? "; that process is gone, so the lock was left by a dead deploy:"
                                + " clear it with 'deploy lock release'"
                        : "; wait for it, pass --lock-wait, or if it died elsewhere run 'deploy"
                                + " lock release'";
        return new NodeLocked("node is locked by " + h.describe() + dead, holder);
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
