package dev.homeweb.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL server per test JVM, started on first use and stopped when the JVM's tests
 * end.
 */
public final class SharedPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private SharedPostgres() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
        }
    }

    static SharedPostgres in(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(
                        SharedPostgres.class, k -> new SharedPostgres(), SharedPostgres.class);
    }

    int port() {
        return postgres.getPort();
    }

    DataSource adminDataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
