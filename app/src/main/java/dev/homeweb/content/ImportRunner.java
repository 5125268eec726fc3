package dev.homeweb.content;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Objects;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;

/**
 * The {@code import} command on one connection: answers a run that changes nothing with one plain
 * query, before the files are parsed and before jOOQ or the Markdown renderer start, and hands any
 * other run to {@link ContentImporter}.
 */
public final class ImportRunner {
    private final Connection connection;
    private final ContentReader reader;
    private final Supplier<ContentImporter> importer;

    /**
     * @param importer makes the importer, on the same connection, only when something changed
     */
    public ImportRunner(
            Connection connection, ContentReader reader, Supplier<ContentImporter> importer) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.importer = Objects.requireNonNull(importer, "importer");
    }

    /**
     * @throws ContentException when any file is invalid; the database is then untouched
     */
    public ImportReport importFrom(Path contentDir) {
        var files = reader.readFiles(contentDir);
        if (storedHashesEqual(files)) {
            return new ImportReport(0, 0, 0, files.files().size());
        }
        return importer.get().importChanged(files);
    }

    /**
     * Whether the database holds exactly these files, each byte-identical to the one imported and
     * validated before (the hash covers the file name and the renderer version too). A read-only
     * query sees one committed state, so it needs neither the import lock nor a transaction.
     */
    private boolean storedHashesEqual(SourceFiles files) {
        if (!files.unreadable().isEmpty()) {
            return false;
        }
        var stored = new HashSet<String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select content_hash from posts")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading the stored posts: " + e.getMessage(), e);
        }
        return ContentImporter.sameHashes(stored, files);
    }
}
