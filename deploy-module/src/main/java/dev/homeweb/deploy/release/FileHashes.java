package dev.homeweb.deploy.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of local files, remembered by what {@code stat} says of each (size, modification time
 * in nanoseconds, device and inode), so a deploy does not read a release's 190 MB again when none
 * of it changed: the quick check of rsync and of git's index. Kept as one line per file in the
 * deploy tool's cache folder.
 *
 * <p>A file modified within {@link #SETTLED} of being hashed is not remembered: a filesystem's
 * clock ticks in milliseconds, so a second write in the same tick would keep the time and size (git
 * calls such entries racily clean). A wrong hash could not slip onto a node anyway: the node checks
 * every file it receives against its hash.
 */
public final class FileHashes {
    /** How old a file must be when it is hashed for its hash to be remembered. */
    static final Duration SETTLED = Duration.ofSeconds(2);

    private final Path index;
    private final Clock clock;
    private final Map<String, Entry> entries;
    private boolean changed;

    private record Entry(long size, long modifiedNanos, String fileKey, String sha256) {
        Entry {
            Objects.requireNonNull(fileKey, "fileKey");
            Objects.requireNonNull(sha256, "sha256");
        }

        String line(String path) {
            return size + "\t" + modifiedNanos + "\t" + fileKey + "\t" + sha256 + "\t" + path;
        }

        boolean describes(BasicFileAttributes attributes) {
            return size == attributes.size()
                    && modifiedNanos == attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                    && fileKey.equals(String.valueOf(attributes.fileKey()));
        }
    }

    private FileHashes(Path index, Clock clock, Map<String, Entry> entries) {
        this.index = index;
        this.clock = clock;
        this.entries = entries;
    }

    /** No memory: every file is read and hashed. */
    public static FileHashes none() {
        return new FileHashes(null, Clock.systemUTC(), new HashMap<>());
    }

    /** The hashes remembered in {@code index} (none yet if it is missing or unreadable). */
    public static FileHashes in(Path index, Clock clock) {
        var entries = new HashMap<String, Entry>();
        try {
            for (var line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                var f = line.split("\t", 5);
                if (f.length == 5 && f[3].matches("[0-9a-f]{64}")) {
                    entries.put(
                            f[4],
                            new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // A missing or damaged index only costs one full read of the release.
            entries.clear();
        }
        return new FileHashes(index, clock, entries);
    }

    /** The hash and size of {@code file}, read only when it is new or changed. */
    public Hashes.FileSum sum(Path file) throws IOException {
        var path = file.toAbsolutePath().normalize().toString();
        var before = Files.readAttributes(file, BasicFileAttributes.class);
        var known = entries.get(path);
        if (known != null && known.describes(before)) {
            return new Hashes.FileSum(known.sha256(), known.size());
        }
        var sum = Hashes.sha256(file);
        var after = Files.readAttributes(file, BasicFileAttributes.class);
        var modified = after.lastModifiedTime().toInstant();
        boolean unchanged =
                sum.size() == after.size()
                        && after.lastModifiedTime().equals(before.lastModifiedTime());
        if (index != null
                && unchanged
                && path.indexOf('\n') < 0
                && modified.isBefore(clock.instant().minus(SETTLED))
                && after.fileKey() != null) {
            entries.put(
                    path,
                    new Entry(
                            sum.size(),
                            after.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                            String.valueOf(after.fileKey()),
                            sum.sha256()));
            changed = true;
        } else if (known != null) {
            entries.remove(path);
            changed = true;
        }
        return sum;
    }

    /**
     * Writes the index back when it changed, by a rename: a concurrent deploy's index is replaced
     * whole, never mixed with this one. A file that could not be written only costs a later read.
     */
    public void save() {
        if (index == null || !changed) {
            return;
        }
        try {
            var text = new StringBuilder();
            entries.entrySet().stream()
                    .filter(e -> Files.exists(Path.of(e.getKey())))
                    .forEach(e -> text.append(e.getValue().line(e.getKey())).append('\n'));
            CacheFiles.replace(index, text);
            changed = false;
        } catch (IOException e) {
            // The next deploy hashes again what this one could not remember.
        }
    }
}
