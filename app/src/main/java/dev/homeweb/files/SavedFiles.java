package dev.homeweb.files;

import dev.homeweb.internal.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The imported files as last read from the database, kept in the server's state directory beside
 * the site snapshot, so that a server starting while the database is away serves the images and
 * files its saved pages link to.
 *
 * <p>Each file's bytes are kept once, under their SHA-256 (checked as they are written, so a file
 * on disk always has the bytes its name says); an index names the addresses. Both are replaced
 * atomically (temporary file, fsync, rename), only files the index no longer names are removed, and
 * only after the new index is in place, so a crash leaves a usable set, the old or the new. Nothing
 * but imported content is kept here, root and the service only ({@code 0600}).
 */
public final class SavedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SavedFiles.class);
    static final String DIR = "files";
    static final String INDEX = "index";
    private static final String MAGIC = "home-web saved files 1";
    private static final FileAttribute<?> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path dir;

    /** What the index holds, as far as this process knows; empty until read or written. */
    private volatile Map<String, StoredFile> indexed = Map.of();

    public SavedFiles(Path stateDir) {
        this.dir = Objects.requireNonNull(stateDir, "stateDir").resolve(DIR);
    }

    /** Where the bytes of a file to keep come from: the database. */
    interface Source {
        void copy(StoredFile file, OutputStream out) throws IOException;
    }

    /**
     * Keeps these files: writes the bytes of each one not kept yet, read from {@code source}, then
     * the index, then removes the bytes no file needs any more. A failure is logged and otherwise
     * ignored: the files are served from the database either way.
     */
    synchronized void save(Map<String, StoredFile> byPath, Source source) {
        if (byPath.equals(indexed)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            for (var file : byPath.values()) {
                var kept = bytes(file);
                if (!Files.isRegularFile(kept) || Files.size(kept) != file.size()) {
                    write(file, source);
                }
            }
            writeIndex(byPath);
            indexed = Map.copyOf(byPath);
            removeAllBut(
                    byPath.values().stream().map(StoredFile::hash).collect(Collectors.toSet()));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "cannot save the site's files in {} ({}); a start without the database will"
                            + " serve older ones, or none",
                    dir,
                    e.toString());
        }
    }

    /**
     * The files of the index, each with its bytes on disk; a missing or damaged index, or a file
     * whose bytes are gone or of another size, is logged and left out.
     */
    Map<String, StoredFile> read() {
        String text;
        try {
            text = Files.readString(dir.resolve(INDEX), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            LOG.warn("ignoring the saved files' index in {}: {}", dir, e.toString());
            return Map.of();
        }
        var lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            LOG.warn("ignoring {}: not an index of saved files", dir.resolve(INDEX));
            return Map.of();
        }
        var files = new HashMap<String, StoredFile>();
        for (var line : lines.subList(1, lines.size())) {
            parse(line).filter(this::complete).ifPresent(f -> files.put(f.path(), f));
        }
        indexed = Map.copyOf(files);
        return indexed;
    }

    /** Writes the kept bytes of {@code file} to {@code out}. */
    void copy(StoredFile file, OutputStream out) throws IOException {
        Files.copy(bytes(file), out);
    }

    private Path bytes(StoredFile file) {
        return dir.resolve(file.hash());
    }

    private boolean complete(StoredFile file) {
        try {
            if (Files.size(bytes(file)) == file.size()) {
                return true;
            }
            LOG.warn("ignoring the saved copy of {}: it has another size", file.path());
        } catch (IOException e) {
            LOG.warn("ignoring the saved copy of {}: {}", file.path(), e.toString());
        }
        return false;
    }

    private void write(StoredFile file, Source source) throws IOException {
        var temporary = Files.createTempFile(dir, "file.", ".tmp", PRIVATE);
        try {
            var digest = Sha256.digest();
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    var out =
                            new DigestOutputStream(
                                    java.nio.channels.Channels.newOutputStream(channel), digest)) {
                source.copy(file, out);
                out.flush();
                channel.force(true);
            }
            var actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(file.hash())) {
                throw new IOException(
                        file.path()
                                + " read with SHA-256 "
                                + actual
                                + ", stored as "
                                + file.hash());
            }
            Files.move(temporary, bytes(file), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void writeIndex(Map<String, StoredFile> byPath) throws IOException {
        var text = new StringBuilder(MAGIC).append('\n');
        for (var file : new TreeMap<>(byPath).values()) {
            text.append(
                    String.join(
                                    "\t",
                                    file.hash(),
                                    file.immutable() ? "hashed" : "named",
                                    Long.toString(file.size()),
                                    file.storedAt().toString(),
                                    file.contentType(),
                                    file.path())
                            + "\n");
        }
        var temporary = Files.createTempFile(dir, INDEX + ".", ".tmp", PRIVATE);
        try {
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(
                        java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, dir.resolve(INDEX), StandardCopyOption.ATOMIC_MOVE);
            // The renames live in the directory: without this a power cut may undo them.
            try (var directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void removeAllBut(Set<String> hashes) throws IOException {
        try (var entries = Files.list(dir)) {
            for (var entry : entries.toList()) {
                var name = entry.getFileName().toString();
                boolean leftover = name.endsWith(".tmp");
                boolean unused = name.matches("[0-9a-f]{64}") && !hashes.contains(name);
                if (leftover || unused) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    /** One index line: hash, hashed or named, size, stored at, content type, path. */
    private Optional<StoredFile> parse(String line) {
        var fields = line.split("\t", 6);
        try {
            return Optional.of(
                    new StoredFile(
                            fields[5],
                            fields[0],
                            fields[4],
                            Long.parseLong(fields[2]),
                            Instant.parse(fields[3]),
                            fields[1].equals("hashed")));
        } catch (RuntimeException e) {
            LOG.warn("ignoring a line of {}: {}", dir.resolve(INDEX), e.toString());
            return Optional.empty();
        }
    }
}
