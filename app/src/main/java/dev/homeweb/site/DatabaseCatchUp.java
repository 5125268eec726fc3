package dev.homeweb.site;

import dev.homeweb.db.ConnectionFailed;
import dev.homeweb.db.Database;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a site that started from its {@link SnapshotFile} back in step with the database, without
 * a restart: it retries with backoff (1 s, doubling up to 15 s) until {@code ready} passes, then
 * listens for imports (a {@link ContentWatcher}) and reloads. Each new reason for failing is logged
 * once, not on every attempt, so a long outage costs the journal a line, not thousands.
 */
public final class DatabaseCatchUp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCatchUp.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(15);

    private final Database database;
    private final Site site;
    private final Runnable ready;
    private final DaemonThread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile @Nullable ContentWatcher watcher;
    private String lastReason = "";

    /**
     * @param ready throws while the server cannot serve from the database (unreachable, or its
     *     schema behind this build)
     */
    public DatabaseCatchUp(Database database, Site site, Runnable ready) {
        this.database = Objects.requireNonNull(database, "database");
        this.site = Objects.requireNonNull(site, "site");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.thread = new DaemonThread("database-catch-up", this::run);
    }

    /**
     * @param firstReason why the start could not use the database, already reported
     */
    public void start(String firstReason) {
        lastReason = firstReason;
        thread.start();
    }

    /** Whether the site is live again: loaded from the database and listening for imports. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        var delay = FIRST_RETRY;
        while (running && !DaemonThread.sleep(delay)) {
            try {
                ready.run();
                var listener = new ContentWatcher(database, site);
                watcher = listener;
                // Listen before loading, so no import can fall between the two.
                listener.start();
                site.reload();
                caughtUp = true;
                LOG.info(
                        "the database answers again: site reloaded from it ({} posts), listening"
                                + " for imports",
                        site.current().postCount());
                return;
            } catch (RuntimeException e) {
                stopWatcher();
                var reason = reason(e);
                if (!reason.equals(lastReason)) {
                    LOG.warn("still serving the site snapshot: {}; retrying", reason);
                    lastReason = reason;
                }
            }
            var doubled = delay.multipliedBy(2);
            delay = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
        }
    }

    /** Why the database cannot be used, without the URL (which names the user). */
    public static String reason(RuntimeException e) {
        if (e instanceof ConnectionFailed failed) {
            return "the database cannot be reached (" + failed.reason() + ")";
        }
        return ConnectionFailed.isCauseOf(e)
                ? "the database cannot be reached"
                : String.valueOf(e.getMessage());
    }

    private void stopWatcher() {
        var listener = watcher;
        watcher = null;
        if (listener != null) {
            listener.close();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.stop(Duration.ofSeconds(5));
        stopWatcher();
    }
}
