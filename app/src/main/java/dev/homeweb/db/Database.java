package dev.homeweb.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.homeweb.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The connection pool and the one shared {@link DSLContext} on top of it, made on first use: the
 * server reads with plain JDBC, and creating a jOOQ context loads some 1,100 classes.
 */
public final class Database implements AutoCloseable {
    /**
     * The NOTIFY channel an import announces its commit on, and a running server listens on: the
     * contract between the two, so it lives below both.
     */
    public static final String CONTENT_CHANNEL = "home_web_content";

    /**
     * Announces on {@link #CONTENT_CHANNEL}, after an import committed, the id of the content the
     * database now holds (the release it came from). An import's own notification has no payload
     * and means "reload"; this one comes after it (PostgreSQL delivers in commit order) and only
     * names what was loaded.
     */
    public static void announceContent(Connection connection, String contentId)
            throws SQLException {
        try (var statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, CONTENT_CHANNEL);
            statement.setString(2, contentId);
            statement.execute();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private volatile DSLContext dsl;

    public Database(DatabaseUrl url, int maxConnections) {
        this.url = url;
        var config = new HikariConfig();
        config.setPoolName("home-web");
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        // Health checks must answer quickly when the database is gone, not after Hikari's 30 s.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        // The driver gives up on a host that does not answer before the pool does, so the pool's
        // timeout carries the real cause ("connect timed out") instead of only its own words.
        config.addDataSourceProperty("connectTimeout", "1");
        // Start even when the database is down; /healthz reports it and the pool retries.
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    /**
     * Takes one connection and gives it back, so a command learns at once, in one message, that the
     * database cannot be reached, rather than from whichever library asks first.
     *
     * @throws ConnectionFailed when no connection can be had within the pool's timeout
     */
    void requireConnection() {
        try (var connection = pool.getConnection()) {
            // Hikari has checked it before handing it out.
        } catch (SQLException e) {
            throw new ConnectionFailed(url, e);
        }
    }

    public DSLContext dsl() {
        var result = dsl;
        if (result == null) {
            synchronized (this) {
                result = dsl;
                if (result == null) {
                    result = DSL.using(pool, SQLDialect.POSTGRES);
                    dsl = result;
                }
            }
        }
        return result;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** A connection outside the pool, for a long-lived listener that must not hold a pool slot. */
    public Connection openDedicatedConnection() throws SQLException {
        var props = connectionProperties(url);
        props.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url.jdbcUrl(), props);
    }

    /** Credentials and a short connect timeout, for a connection made outside the pool. */
    static Properties connectionProperties(DatabaseUrl url) {
        var props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        props.setProperty("connectTimeout", "2");
        return props;
    }

    /** The URL without its password, for messages. */
    public String describe() {
        return url.redacted();
    }

    @Override
    public void close() {
        pool.close();
    }
}
