package dev.homeweb.db;

import dev.homeweb.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * One unpooled connection, for a short-lived command such as {@code import} that runs one
 * transaction and exits: a pool would only add start-up work and threads. Its {@link DSLContext} is
 * made on first use, because jOOQ's start-up (about half a second of class loading) is wasted on a
 * run that needs one plain query. Not thread-safe.
 */
public final class SingleConnectionDatabase implements AutoCloseable {
    private final Connection connection;
    private @Nullable DSLContext dsl;

    private SingleConnectionDatabase(Connection connection) {
        this.connection = connection;
    }

    /**
     * @throws ConnectionFailed when the database cannot be reached; the message never holds the
     *     password
     */
    public static SingleConnectionDatabase open(DatabaseUrl url) {
        var props = Database.connectionProperties(url);
        try {
            // The driver directly: DriverManager would first load every driver on the class path.
            var connection = new org.postgresql.Driver().connect(url.jdbcUrl(), props);
            if (connection == null) {
                throw new IllegalArgumentException("not a PostgreSQL URL: " + url.redacted());
            }
            return new SingleConnectionDatabase(connection);
        } catch (SQLException e) {
            throw new ConnectionFailed(url, e);
        }
    }

    /** The connection itself, for plain JDBC where jOOQ's start-up would dominate. */
    public Connection connection() {
        return connection;
    }

    public DSLContext dsl() {
        if (dsl == null) {
            dsl = DSL.using(connection, SQLDialect.POSTGRES);
        }
        return dsl;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("closing the connection: " + e.getMessage(), e);
        }
    }
}
