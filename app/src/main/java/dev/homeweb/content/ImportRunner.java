package dev.homeweb.content;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;

/**
 * The {@code import} command on one connection: answers a run that changes nothing with one plain
 * query, before the files are parsed and before jOOQ or the Markdown renderer start, and hands any
 * other run to {@link ContentImporter}.
 */
public final class ImportRunner {
    private final ContentReader reader;
    private final CompletableFuture<SourceFiles> reading;

    private ImportRunner(ContentReader reader, CompletableFuture<SourceFiles> reading) {
        this.reader = reader;
        this.reading = reading;
    }

    /**
     * Starts reading and hashing the content folder in the background, so that it overlaps with
     * connecting to the database.
     */
    public static ImportRunner start(ContentReader reader, Path contentDir) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(contentDir, "contentDir");
        return new ImportRunner(
                reader, CompletableFuture.supplyAsync(() -> reader.readFiles(contentDir)));
    }

    public ContentReader reader() {
        return reader;
    }

    /**
     * @param importer makes the importer, on the same connection, only when something changed
     * @throws ContentException when any file is invalid; the database is then untouched
     */
    public ImportReport finish(Connection connection, Supplier<ContentImporter> importer) {
        SourceFiles files;
        try {
            files = reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        var stored = storedHashes(connection);
        if (ContentImporter.sameHashes(stored, files)) {
            return new ImportReport(0, 0, 0, files.files().size());
        }
        return importer.get().importChanged(files, stored);
    }

    /**
     * The stored content hashes. When they equal the files' hashes, the database holds exactly
     * these files, each byte-identical to the one imported and validated before (the hash covers
     * the file name and the renderer version too). A read-only query sees one committed state, so
     * it needs neither the import lock nor a transaction.
     */
    private static Set<String> storedHashes(Connection connection) {
        var stored = new HashSet<String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(SourceFiles.STORED_KEYS)) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading the stored posts: " + e.getMessage(), e);
        }
        return stored;
    }
}
