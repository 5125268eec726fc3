package dev.homeweb.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The addresses of the imported files, held in memory and reloaded with the posts; the bytes stay
 * in the database and are read one chunk at a time, so a large file never sits on the heap whole.
 * Plain JDBC, as in {@code PostRepository}. With {@link SavedFiles}, each load also keeps the files
 * on disk, and a server that starts without the database serves them from there ({@link #restore})
 * until the next load.
 */
public final class FileLibrary {
    private static final String ADDRESSES =
            """
            select a.path, f.hash, f.content_type, f.size, f.created_at, a.hashed
            from (select distinct path, hash, true as hashed from post_files
                  union all
                  select path, hash, false from static_files) a
            join files f on f.hash = a.hash
            """;
    private static final String CHUNKS = "select data from file_chunks where hash = ? order by seq";

    private final @Nullable DataSource dataSource;
    private final Optional<SavedFiles> saved;
    private volatile Loaded loaded = new Loaded(Map.of(), false);

    /**
     * The addresses, and whether the bytes come from the {@link SavedFiles} (else the database).
     */
    private record Loaded(Map<String, StoredFile> byPath, boolean fromDisk) {}

    public FileLibrary(DataSource dataSource) {
        this(dataSource, Optional.empty());
    }

    /**
     * @param saved where each load is kept, for a start without the database
     */
    public FileLibrary(DataSource dataSource, Optional<SavedFiles> saved) {
        this.dataSource = dataSource;
        this.saved = saved;
    }

    private FileLibrary() {
        this.dataSource = null;
        this.saved = Optional.empty();
    }

    /** A library that serves nothing, for a site without a database. */
    public static FileLibrary none() {
        return new FileLibrary();
    }

    /** Reads the addresses again; the bytes are read when asked for. */
    public void reload() {
        if (dataSource == null) {
            return;
        }
        var files = new HashMap<String, StoredFile>();
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(ADDRESSES);
                var rs = statement.executeQuery()) {
            while (rs.next()) {
                var file =
                        new StoredFile(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getObject(5, OffsetDateTime.class).toInstant(),
                                rs.getBoolean(6));
                files.put(file.path(), file);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the stored files: " + e.getMessage(), e);
        }
        // Kept before the pages that link to them are served (and saved) from this load.
        saved.ifPresent(s -> s.save(files, this::copyFromDatabase));
        loaded = new Loaded(Map.copyOf(files), false);
    }

    /**
     * Serves the files kept by the last load, from disk, until the next {@link #reload}: for a
     * server that starts while the database is away. Returns how many there are.
     */
    public int restore() {
        var files = saved.map(SavedFiles::read).orElse(Map.of());
        loaded = new Loaded(files, true);
        return files.size();
    }

    /** The file served at {@code path}, as the request sent it (percent-encoded). */
    public Optional<StoredFile> find(String path) {
        return Optional.ofNullable(loaded.byPath().get(path));
    }

    /** Writes the file's bytes to {@code out}, one stored chunk at a time. */
    public void copy(StoredFile file, OutputStream out) throws IOException {
        var disk = saved.filter(s -> loaded.fromDisk());
        if (disk.isPresent()) {
            disk.get().copy(file, out);
            return;
        }
        copyFromDatabase(file, out);
    }

    private void copyFromDatabase(StoredFile file, OutputStream out) throws IOException {
        if (dataSource == null) {
            throw new IllegalStateException("no database to read " + file.path() + " from");
        }
        try (var connection = dataSource.getConnection()) {
            copy(connection, file, out);
        } catch (SQLException e) {
            throw new IOException("reading " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /** The whole file, for one small enough to keep. */
    public byte[] read(StoredFile file) {
        var out = new java.io.ByteArrayOutputStream((int) Math.min(file.size(), 1 << 20));
        try {
            copy(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void copy(Connection connection, StoredFile file, OutputStream out)
            throws SQLException, IOException {
        // A cursor, one chunk per fetch: the driver would otherwise read every chunk first.
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var statement = connection.prepareStatement(CHUNKS)) {
            statement.setFetchSize(1);
            statement.setString(1, file.hash());
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.write(rs.getBytes(1));
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
