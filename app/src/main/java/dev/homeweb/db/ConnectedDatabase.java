package dev.homeweb.db;

import dev.homeweb.config.AppConfig;
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
