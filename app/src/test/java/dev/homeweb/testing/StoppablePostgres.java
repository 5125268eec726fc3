package dev.homeweb.testing;

import dev.homeweb.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL of one test's own, which the test stops and starts again on the same port and
 * data: the shared server that other tests use is never stopped.
 */
public final class StoppablePostgres implements AutoCloseable {
    private final Path data;
    private final int port;
    private EmbeddedPostgres running;

    public StoppablePostgres(Path data) throws IOException {
        this.data = data;
        port = FreePort.find();
        start();
    }

    public int port() {
        return port;
    }

    /** Its {@code postgres} database, as user postgres (no password: trust on localhost). */
    public DatabaseUrl url() {
        return new DatabaseUrl(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
    }

    public void start() throws IOException {
        running =
                EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
    }

    public void stop() throws IOException {
        running.close();
    }

    @Override
    public void close() throws IOException {
        running.close();
    }
}
