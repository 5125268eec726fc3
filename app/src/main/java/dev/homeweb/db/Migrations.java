package dev.homeweb.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.exception.DataAccessException;

/**
 * Applies the SQL in {@code migrations/} (packaged as {@code db/migration}). Flyway takes a
 * PostgreSQL advisory lock, so two concurrent runs apply each migration once.
 */
public final class Migrations {
    private static final String LOCATION = "db/migration";
    private static final Pattern FILE_NAME = Pattern.compile("V([0-9._]+)__(.+)\\.sql");

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

    /**
     * The packaged migrations that {@code flyway_schema_history} does not list as applied, found
     * with one plain query, without starting Flyway or jOOQ (which cost a command that only checks
     * about a second). Does not validate checksums, as {@link #pending()} does not either.
     */
    public static List<Migration> pendingWithoutFlyway(Connection connection) {
        var applied = new HashSet<String>();
        try (var statement = connection.createStatement();
                var rows =
                        statement.executeQuery(
                                "select version from flyway_schema_history where success")) {
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) { // undefined_table: never migrated
                throw new DataAccessException(
                        "reading flyway_schema_history: " + e.getMessage(), e);
            }
        }
        return packaged().stream().filter(m -> !applied.contains(m.version())).toList();
    }

    /** The migrations in the jar (or the classes folder), oldest first. */
    static List<Migration> packaged() {
        var result = new ArrayList<Migration>();
        for (var name : packagedFileNames()) {
            var matcher = FILE_NAME.matcher(name);
            if (matcher.matches()) {
                var version = matcher.group(1).replace('_', '.');
                result.add(new Migration(version, matcher.group(2).replace('_', ' '), "Pending"));
            }
        }
        result.sort(Comparator.comparing(Migration::version, Migrations::compareVersions));
        return result;
    }

    private static List<String> packagedFileNames() {
        var url = Migrations.class.getClassLoader().getResource(LOCATION);
        if (url == null) {
            throw new IllegalStateException("no " + LOCATION + " on the class path");
        }
        try {
            if (url.openConnection() instanceof JarURLConnection jar) {
                var prefix = LOCATION + "/";
                return jar.getJarFile().stream()
                        .map(e -> e.getName())
                        .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                        .map(n -> n.substring(prefix.length()))
                        .toList();
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.map(f -> f.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + url + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + url, e);
        }
    }

    private static int compareVersions(String a, String b) {
        var left = a.split("\\.");
        var right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            var x = i < left.length ? new java.math.BigInteger(left[i]) : java.math.BigInteger.ZERO;
            var y =
                    i < right.length
                            ? new java.math.BigInteger(right[i])
                            : java.math.BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
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
