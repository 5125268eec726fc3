package dev.homeweb.db;

import dev.homeweb.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The zero-configuration default: real PostgreSQL binaries started from the jar, with a data
 * directory that survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL on a free loopback port with its data under {@code dataDir/postgres}. */
    public static EmbeddedDatabase start(Path dataDir) {
        var pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(dataDir);
            var binaries = PostgresBinaries.unpackInto(dataDir.resolve("binaries"));
            var postgres =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(pgData)
                            .setCleanDataDirectory(false)
                            .setOverrideWorkingDirectory(binaries.workingDirectory().toFile())
                            .setPgBinaryResolver(binaries)
                            .start();
            return new EmbeddedDatabase(postgres, pgData);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    public DatabaseUrl url() {
        return new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
