package dev.homeweb.db;

import dev.homeweb.config.AppConfig;
import dev.homeweb.config.DatabaseUrl;
import org.jspecify.annotations.Nullable;

/**
 * The database the configuration names, or the embedded default when it names none. Closing it
 * closes the pool and stops the embedded server, if one was started.
 */
public final class ConnectedDatabase implements AutoCloseable {
    private static final int POOL_SIZE = 8;

    private final Database database;
    private final @Nullable EmbeddedDatabase embedded;

    private ConnectedDatabase(Database database, @Nullable EmbeddedDatabase embedded) {
        this.database = database;
        this.embedded = embedded;
    }

    public static ConnectedDatabase open(AppConfig config) {
        var url = config.databaseUrl();
        if (url.isPresent()) {
            var database = new Database(url.get(), POOL_SIZE);
            try {
                database.requireConnection();
            } catch (ConnectionFailed e) {
                database.close();
                throw e;
            }
            return new ConnectedDatabase(database, null);
        }
        var embedded = EmbeddedDatabase.start(config.dataDir());
        return new ConnectedDatabase(new Database(embedded.url(), POOL_SIZE), embedded);
    }

    /**
     * The database the configuration names, not connected yet: its pool connects once PostgreSQL
     * answers. For a server that starts while the database is away and serves what it saved.
     */
    public static ConnectedDatabase unchecked(DatabaseUrl url) {
        return new ConnectedDatabase(new Database(url, POOL_SIZE), null);
    }

    /**
     * @throws ConnectionFailed when no connection can be had within the pool's timeout
     */
    public void requireConnection() {
        database.requireConnection();
    }

    public Database database() {
        return database;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Where the data lives, for the startup message. */
    public String describe() {
        return embedded != null
                ? "embedded PostgreSQL (data in " + embedded.dataDir() + ")"
                : database.describe();
    }

    @Override
    public void close() {
        database.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
