package dev.homeweb.posts;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Where {@link PostRepository}'s connections come from, and where they go back: apart from the
 * queries because the three sources (pool, a caller's connection, a jOOQ context) differ only in
 * who closes the connection.
 */
interface PostConnections {
    Connection acquire() throws SQLException;

    void release(Connection connection) throws SQLException;

    /** One query's work over a connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Connections from a pool, closed (given back) after each use. */
    static PostConnections from(DataSource dataSource) {
        return new PostConnections() {
            @Override
            public Connection acquire() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void release(Connection connection) throws SQLException {
                connection.close();
            }
        };
    }

    /** One connection that the caller holds and closes. */
    static PostConnections from(Connection connection) {
        return new PostConnections() {
            @Override
            public Connection acquire() {
                return connection;
            }

            @Override
            public void release(Connection connection) {
                // The caller's to close.
            }
        };
    }

    /** The connections of a jOOQ context. */
    static PostConnections from(DSLContext dsl) {
        var provider = dsl.configuration().connectionProvider();
        return new PostConnections() {
            @Override
            public Connection acquire() {
                return provider.acquire();
            }

            @Override
            public void release(Connection connection) {
                provider.release(connection);
            }
        };
    }

    /** Runs {@code work} over a connection, giving it back after; SQL errors as jOOQ's. */
    default <T> T run(Work<T> work) {
        try {
            var connection = acquire();
            try {
                return work.run(connection);
            } finally {
                release(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException("SQL failed: " + e.getMessage(), e);
        }
    }
}
