package dev.homeweb.db;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Applies the SQL in {@code migrations/} (packaged as {@code db/migration}). Flyway takes a
 * PostgreSQL advisory lock, so two concurrent runs apply each migration once.
 */
public final class Migrations {

    private final Flyway flyway;

    public Migrations(DataSource dataSource) {
        this.flyway =
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .validateMigrationNaming(true)
                        .loggers("slf4j")
                        .load();
    }

    /** Applies what is pending and returns the versions it applied, oldest first. */
    public List<Migration> migrate() {
        var result = flyway.migrate();
        return result.migrations.stream()
                .map(m -> new Migration(m.version, m.description, "applied"))
                .toList();
    }

    /** Every known migration with its state (Success, Pending, Failed, ...). */
    public List<Migration> status() {
        return Arrays.stream(flyway.info().all()).map(Migrations::toMigration).toList();
    }

    public List<Migration> pending() {
        return Arrays.stream(flyway.info().pending()).map(Migrations::toMigration).toList();
    }

    private static Migration toMigration(MigrationInfo info) {
        return new Migration(
                info.getVersion() == null ? "" : info.getVersion().getVersion(),
                info.getDescription(),
                info.getState().getDisplayName());
    }

    /** One migration as reported to the user. */
    public record Migration(String version, String description, String state) {}
}
