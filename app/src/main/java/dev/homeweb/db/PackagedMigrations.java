package dev.homeweb.db;

import dev.homeweb.internal.CodeLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;

/**
 * The migrations packaged with this build, checked against the database's history with one query.
 * {@code serve} uses it instead of Flyway to refuse a database that is behind: starting Flyway
 * costs more than the rest of start-up. Applying migrations stays with {@link Migrations}.
 */
public final class PackagedMigrations {
    static final String LOCATION = "db/migration/";
    private static final Pattern FILE_NAME = Pattern.compile("V([0-9][0-9_.]*)__(.+)\\.sql");

    private final List<Migrations.Migration> packaged;

    PackagedMigrations(List<Migrations.Migration> packaged) {
        this.packaged =
                packaged.stream()
                        .sorted(Comparator.comparing(m -> versionKey(m.version())))
                        .toList();
    }

    /** The SQL files under {@code db/migration} next to this class, in the jar or a directory. */
    public static PackagedMigrations find() {
        var names = new ArrayList<String>();
        try {
            var location =
                    CodeLocation.of(PackagedMigrations.class)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "cannot locate the packaged migrations"));
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(LOCATION))) {
                    files.forEach(f -> names.add(f.getFileName().toString()));
                }
            } else {
                try (var jar = new JarFile(location.toFile())) {
                    jar.stream()
                            .map(e -> e.getName())
                            .filter(n -> n.startsWith(LOCATION) && n.length() > LOCATION.length())
                            .forEach(n -> names.add(n.substring(LOCATION.length())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the packaged migrations", e);
        }
        return fromFileNames(names);
    }

    static PackagedMigrations fromFileNames(List<String> names) {
        var migrations = new ArrayList<Migrations.Migration>();
        for (var name : names) {
            var m = FILE_NAME.matcher(name);
            if (m.matches()) {
                migrations.add(
                        new Migrations.Migration(
                                m.group(1).replace('_', '.'),
                                m.group(2).replace('_', ' '),
                                "Pending"));
            }
        }
        return new PackagedMigrations(migrations);
    }

    /** Those not applied successfully to the database, oldest first; all of them on a new one. */
    public List<Migrations.Migration> pendingIn(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return pendingOn(connection);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the migration history", e);
        }
    }

    /**
     * The same on a connection the caller keeps (the import's single connection). The query never
     * fails on a database that was never migrated, so an open transaction is not aborted.
     */
    public List<Migrations.Migration> pendingOn(Connection connection) {
        try {
            Set<String> applied = new HashSet<>();
            if (historyExists(connection)) {
                try (var statement =
                                connection.prepareStatement(
                                        "select version from flyway_schema_history"
                                                + " where success and version is not null");
                        var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        applied.add(rows.getString(1));
                    }
                }
            }
            return pendingGiven(applied);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the migration history", e);
        }
    }

    /** Throws {@link PendingMigrations} unless every packaged migration is applied. */
    public void requireAppliedIn(DataSource dataSource) {
        requireNone(pendingIn(dataSource));
    }

    /** The same on a connection the caller keeps. */
    public void requireAppliedOn(Connection connection) {
        requireNone(pendingOn(connection));
    }

    private static void requireNone(List<Migrations.Migration> pending) {
        if (!pending.isEmpty()) {
            throw new PendingMigrations(pending);
        }
    }

    List<Migrations.Migration> pendingGiven(Set<String> appliedVersions) {
        return packaged.stream().filter(m -> !appliedVersions.contains(m.version())).toList();
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        try (var statement =
                        connection.prepareStatement(
                                "select to_regclass('flyway_schema_history') is not null");
                var rows = statement.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    /** "1.10" sorts after "1.9", as Flyway orders versions. */
    private static String versionKey(String version) {
        var key = new StringBuilder();
        for (var part : version.split("\\.")) {
            key.append("0".repeat(Math.max(0, 10 - part.length()))).append(part).append('.');
        }
        return key.toString();
    }
}
