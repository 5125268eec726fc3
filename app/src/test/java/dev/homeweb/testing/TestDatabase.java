package dev.homeweb.testing;

import dev.homeweb.config.DatabaseUrl;
import dev.homeweb.db.Database;
import dev.homeweb.db.Migrations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;

/**
 * A fresh database on the JVM's shared PostgreSQL server: each test class gets its own, so tests
 * never see each other's rows.
 */
public final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DatabaseUrl url;
    private final Database database;

    TestDatabase(SharedPostgres server) {
        var name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (var connection = server.adminDataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        url =
                new DatabaseUrl(
                        "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + name,
                        "postgres",
                        null);
        database = new Database(url, 4);
    }

    public DatabaseUrl url() {
        return url;
    }

    public Database database() {
        return database;
    }

    public DSLContext dsl() {
        return database.dsl();
    }

    public TestDatabase migrate() {
        new Migrations(database.dataSource()).migrate();
        return this;
    }

    /** Writes this database's URL to a file, as a user would for --database-url-file. */
    public Path writeUrlFile(Path dir) {
        var file = dir.resolve("database-url");
        try {
            Files.writeString(file, url.jdbcUrl() + "?user=postgres\n", StandardCharsets.UTF_8);
            // As the README has users make it: anything wider earns a warning on every run.
            Files.setPosixFilePermissions(
                    file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        database.close();
    }
}
