package dev.homeweb.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.homeweb.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BiConsumer;
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

    /** How long a first connection may wait for a database that is slow to answer. */
    static final Duration FIRST_CONNECTION_PATIENCE = Duration.ofSeconds(15);

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
        // Once connected, a busy PostgreSQL may take seconds to answer the start-up packet: give
        // the attempt that long (Hikari would cut it at its own 2 s), while callers still wait
        // only the pool's timeout for it.
        config.addDataSourceProperty("loginTimeout", "10");
        addDefaults(url, config::addDataSourceProperty);
        // Start even when the database is down; /healthz reports it and the pool retries.
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    /**
     * Takes one connection and gives it back, so a command learns at once, in one message, that the
     * database cannot be reached, rather than from whichever library asks first.
     *
     * <p>The pool's 2 s timeout is for requests, which must not hang while the database is away. A
     * first connection is allowed {@link #FIRST_CONNECTION_PATIENCE}: a PostgreSQL that has
     * accepted the connection but is slow to answer it (a busy or just-started node) is waited for,
     * while a refusal, a bad password or an unknown host still fails at once.
     *
     * @throws ConnectionFailed when no connection can be had
     */
    void requireConnection() {
        long deadline = System.nanoTime() + FIRST_CONNECTION_PATIENCE.toNanos();
        while (true) {
            try (var connection = pool.getConnection()) {
                // Hikari has checked it before handing it out.
                return;
            } catch (SQLException e) {
                if (!ConnectionFailed.isSlowAnswer(e) || System.nanoTime() - deadline >= 0) {
                    throw new ConnectionFailed(url, e);
                }
            }
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

    /**
     * The driver settings this server chooses where the URL leaves them open: no TLS to a
     * PostgreSQL on this machine's loopback (see {@link DatabaseUrl#loopbackWithoutTlsChoice()}),
     * which also saves the driver's TLS request on every new connection.
     */
    static void addDefaults(DatabaseUrl url, BiConsumer<String, String> property) {
        if (url.loopbackWithoutTlsChoice()) {
            property.accept("sslmode", "disable");
        }
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
        addDefaults(url, props::setProperty);
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
