package dev.homeweb.posts;

import dev.homeweb.internal.Sha256;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Post bodies kept in the server's state directory, one file per body named by its SHA-256: the
 * heap holds none of them, a restart with the same content reads none of them from the database,
 * and a start while the database is away renders the saved posts from them.
 *
 * <p>Each file is written under a temporary name and renamed, so a name always stands for a whole
 * file; a file that was damaged after all (its bytes no longer hash to its name) is refused when it
 * is read, never served. Not synced one by one: at ten thousand posts that is ten thousand fsyncs
 * on a first start, and a body lost in a crash is read from the database again at the next load.
 * Root and the service only ({@code 0600}).
 */
public final class SavedBodies implements BodyStore {
    static final String DIR = "bodies";
    private static final FileAttribute<?> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path dir;

    /** The hashes on disk, as far as this process knows; listed on first use. */
    private volatile @Nullable Set<String> kept;

    public SavedBodies(Path stateDir) {
        this.dir = Objects.requireNonNull(stateDir, "stateDir").resolve(DIR);
    }

    @Override
    public byte[] get(String sha256) {
        var file = file(sha256);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            kept().remove(sha256);
            throw new IllegalStateException("the saved post body " + file + " is missing", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved post body " + file, e);
        }
        var actual = Sha256.hex(bytes);
        if (!actual.equals(sha256)) {
            kept().remove(sha256);
            throw new IllegalStateException(
                    "the saved post body "
                            + file
                            + " is damaged: its bytes have SHA-256 "
                            + actual);
        }
        return bytes;
    }

    @Override
    public boolean has(String sha256) {
        return kept().contains(sha256);
    }

    @Override
    public void put(String sha256, byte[] utf8) {
        try {
            Files.createDirectories(dir);
            var temporary = Files.createTempFile(dir, sha256 + ".", ".tmp", PRIVATE);
            try {
                Files.write(temporary, utf8);
                Files.move(temporary, file(sha256), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a post body in " + dir, e);
        }
        kept().add(sha256);
    }

    @Override
    public void keepOnly(Set<String> sha256s) {
        try {
            for (var name : names()) {
                // Temporary files too: one left by a crash is never renamed.
                if (!sha256s.contains(name)) {
                    Files.deleteIfExists(dir.resolve(name));
                    kept().remove(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove old post bodies from " + dir, e);
        }
    }

    /**
     * The names in the directory, none if there is none yet. {@link File#list} gives names, not a
     * {@link Path} each: a server lists ten thousand of them as it starts.
     */
    private String[] names() throws IOException {
        var names = dir.toFile().list();
        if (names != null) {
            return names;
        }
        if (Files.exists(dir)) {
            throw new IOException("cannot list " + dir);
        }
        return new String[0];
    }

    private static boolean isHash(String name) {
        if (name.length() != 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private Path file(String sha256) {
        if (!isHash(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        return dir.resolve(sha256);
    }

    private Set<String> kept() {
        var known = kept;
        if (known == null) {
            synchronized (this) {
                known = kept;
                if (known == null) {
                    known = ConcurrentHashMap.newKeySet();
                    try {
                        for (var name : names()) {
                            if (isHash(name)) {
                                known.add(name);
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot list the saved post bodies", e);
                    }
                    kept = known;
                }
            }
        }
        return known;
    }
}
