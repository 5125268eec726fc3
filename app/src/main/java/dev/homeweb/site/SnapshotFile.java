package dev.homeweb.site;

import dev.homeweb.internal.Sha256;
import dev.homeweb.posts.BodyStore;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.SavedBodies;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published posts as last read from the database, kept in a file of the server's state
 * directory, so that a server starting while the database is away serves them.
 *
 * <p>It keeps the posts, not their pages: pages are rendered from posts by the running code, so a
 * site restored from this file has the bytes and ETags the database would have given it. The posts'
 * bodies are kept beside it ({@link SavedBodies}), named by hash, and read when a page is rendered,
 * whether the posts came from the database or from this file. The file holds nothing but post
 * content (no database URL, no credentials). It is replaced atomically (temporary file, fsync,
 * rename, fsync of the directory), so a crash leaves the old file or the new one, never half of
 * one; a damaged file is refused by its checksum.
 */
public final class SnapshotFile {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFile.class);
    static final String NAME = "site-snapshot";
    private static final String MAGIC = "home-web site snapshot";
    static final int VERSION = 2;

    private final Path file;
    private final SavedBodies bodies;

    /** What the file holds, as far as this process knows; null until it has read or written it. */
    private volatile @Nullable List<Post> saved;

    public SnapshotFile(Path stateDir) {
        this.file = Objects.requireNonNull(stateDir, "stateDir").resolve(NAME);
        this.bodies = new SavedBodies(stateDir);
    }

    /** Where the posts' bodies are kept, beside this file: the file names them by hash. */
    public BodyStore bodies() {
        return bodies;
    }

    public Path path() {
        return file;
    }

    /** What reading the file found: posts, nothing, or a file that cannot be used (and why). */
    public sealed interface Read {}

    /** The posts and when they were saved. */
    public record Found(List<Post> posts, Instant savedAt) implements Read {
        public Found {
            posts = List.copyOf(posts);
            Objects.requireNonNull(savedAt, "savedAt");
        }
    }

    /** No file yet: the server never loaded posts with this state directory. */
    public record Missing() implements Read {}

    /** A file that is damaged, of another version or not readable; {@code reason} says which. */
    public record Unusable(String reason) implements Read {
        public Unusable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Reads the file; never throws for a file that is missing, damaged or unreadable. */
    public Read read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (IOException e) {
            return new Unusable("cannot be read: " + e.getMessage());
        }
        var header = Header.parse(bytes);
        if (header.isEmpty()) {
            return new Unusable("is not a home-web site snapshot (no header)");
        }
        if (header.get().version() != VERSION) {
            return new Unusable(
                    "has format version "
                            + header.get().version()
                            + ", this server reads version "
                            + VERSION);
        }
        var payload = Arrays.copyOfRange(bytes, header.get().length(), bytes.length);
        var actual = Sha256.hex(payload);
        if (!actual.equals(header.get().checksum())) {
            return new Unusable(
                    "is damaged: its content has SHA-256 "
                            + actual
                            + ", its header says "
                            + header.get().checksum());
        }
        try {
            var found = SnapshotJson.parse(new String(payload, StandardCharsets.UTF_8), bodies);
            var lost =
                    found.posts().stream().filter(p -> !bodies.has(p.body().sha256())).findFirst();
            if (lost.isPresent()) {
                return new Unusable(
                        "names a body for post "
                                + lost.get().slug()
                                + " that is not saved ("
                                + lost.get().body().sha256()
                                + ")");
            }
            saved = found.posts();
            return found;
        } catch (RuntimeException e) {
            return new Unusable("has a valid checksum but content this server cannot read: " + e);
        }
    }

    /** The posts of a usable file; a damaged or foreign one is logged, once, and left alone. */
    public Optional<Found> usable() {
        var read = read();
        if (read instanceof Unusable unusable) {
            LOG.warn(
                    "ignoring the site snapshot {}: it {}; it is replaced at the next load from the"
                            + " database",
                    file,
                    unusable.reason());
        }
        return read instanceof Found found ? Optional.of(found) : Optional.empty();
    }

    /**
     * Replaces the file with these posts, unless it already holds exactly them; their bodies are
     * saved first, beside it. A failure is logged and otherwise ignored: the site is served from
     * memory either way.
     */
    public synchronized void save(List<Post> posts, Instant now) {
        if (posts.equals(saved)) {
            return;
        }
        try {
            // A server's load has put them there already; posts from elsewhere bring their own.
            for (var post : posts) {
                var hash = post.body().sha256();
                if (!bodies.has(hash)) {
                    bodies.put(hash, post.html().getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "cannot save the post bodies beside the site snapshot {} ({}); a start without"
                            + " the database will serve an older one, or none",
                    file,
                    e.toString());
            return;
        }
        var bytes = SnapshotJson.write(posts, now);
        var header =
                (MAGIC + "\nversion " + VERSION + "\nsha256 " + Sha256.hex(bytes) + "\n\n")
                        .getBytes(StandardCharsets.US_ASCII);
        try {
            writeAtomically(header, bytes);
            saved = List.copyOf(posts);
        } catch (IOException e) {
            LOG.warn(
                    "cannot save the site snapshot {} ({}); a start without the database will"
                            + " serve an older one, or none",
                    file,
                    e.toString());
        }
    }

    private void writeAtomically(byte[] header, byte[] payload) throws IOException {
        var dir = file.getParent();
        Files.createDirectories(dir);
        var temporary =
                Files.createTempFile(
                        dir,
                        NAME + ".",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
        try {
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(new ByteBuffer[] {ByteBuffer.wrap(header), ByteBuffer.wrap(payload)});
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the state directory cannot rename atomically", e);
            }
            // The rename itself lives in the directory: without this a power cut may undo it.
            try (var directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The header lines: magic, version, checksum of what follows the blank line. */
    private record Header(int version, String checksum, int length) {
        static Optional<Header> parse(byte[] bytes) {
            var end = indexOf(bytes, "\n\n".getBytes(StandardCharsets.US_ASCII));
            if (end < 0) {
                return Optional.empty();
            }
            var lines = new String(bytes, 0, end, StandardCharsets.US_ASCII).split("\n");
            if (lines.length != 3
                    || !lines[0].equals(MAGIC)
                    || !lines[1].matches("version [0-9]{1,9}")
                    || !lines[2].matches("sha256 [0-9a-f]{64}")) {
                return Optional.empty();
            }
            return Optional.of(
                    new Header(
                            Integer.parseInt(lines[1].substring("version ".length())),
                            lines[2].substring("sha256 ".length()),
                            end + 2));
        }

        private static int indexOf(byte[] bytes, byte[] part) {
            // The header is short: look only at its first few hundred bytes.
            int limit = Math.min(bytes.length, 512) - part.length;
            for (int i = 0; i <= limit; i++) {
                if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
