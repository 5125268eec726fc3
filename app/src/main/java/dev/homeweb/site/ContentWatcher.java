package dev.homeweb.site;

import dev.homeweb.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the site when an import commits, via PostgreSQL LISTEN/NOTIFY on a connection of its own.
 * After a lost connection it reconnects and reloads, since notifications may have been missed.
 */
public final class ContentWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Database database;
    private final Site site;
    private final DaemonThread thread;
    private final java.util.concurrent.CountDownLatch listening =
            new java.util.concurrent.CountDownLatch(1);
    private volatile boolean running = true;

    public ContentWatcher(Database database, Site site) {
        this.database = database;
        this.site = site;
        this.thread = new DaemonThread("content-watcher", this::run);
    }

    /**
     * Starts listening and waits (briefly) until the LISTEN is in place, so an import committed
     * after this returns is never missed.
     */
    public void start() {
        thread.start();
        try {
            if (!listening.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("content watcher is not listening yet; imports show up once it connects");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        boolean reloadOnConnect = false;
        String lastWarning = "";
        while (running) {
            try (Connection connection = database.openDedicatedConnection()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + Database.CONTENT_CHANNEL);
                }
                lastWarning = "";
                if (reloadOnConnect) {
                    site.reload();
                    LOG.info("reconnected to the database; content reloaded");
                }
                // The first LISTEN precedes the startup load; after a lost connection,
                // notifications may have been missed.
                reloadOnConnect = true;
                listening.countDown();
                var pg = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        apply(notifications);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    // Once per cause, not once a second for as long as the database is away.
                    if (!String.valueOf(e.getMessage()).equals(lastWarning)) {
                        lastWarning = String.valueOf(e.getMessage());
                        LOG.warn("content watcher lost the database ({}); retrying", lastWarning);
                    }
                    DaemonThread.sleep(RETRY);
                }
            }
        }
    }

    /**
     * An import's own notification (no payload) means its commit changed posts: reload, once for
     * the batch. An announcement names the content now loaded; it follows the import's commit, so
     * the reload of that commit is done when the name is recorded.
     */
    private void apply(PGNotification[] notifications) {
        var changed = Arrays.stream(notifications).anyMatch(n -> n.getParameter().isEmpty());
        if (changed) {
            site.reload();
            LOG.info("content changed; site reloaded ({} posts)", site.current().postCount());
        }
        Arrays.stream(notifications)
                .map(PGNotification::getParameter)
                .filter(id -> !id.isEmpty())
                .reduce((first, second) -> second)
                .ifPresent(
                        id -> {
                            site.loadedContent(id);
                            LOG.info("content of release {} loaded", id);
                        });
    }

    @Override
    public void close() {
        running = false;
        thread.stop(Duration.ofSeconds(2));
    }
}
