package dev.homeweb.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Optional;
import org.shredzone.acme4j.util.KeyPairUtils;

/**
 * The state directory of the ACME client, outside every release: the account key and the current
 * certificate with its key. Directory 0700, files 0600, each replaced by one atomic rename so a
 * crash leaves the old file or the new one, never half of either.
 */
final class CertificateStore {
    private static final String ACCOUNT = "account-key.pem";
    private static final String CERTIFICATE = "certificate.pem";

    private final Path dir;

    CertificateStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** The account key, created (and kept) on first use. */
    KeyPair accountKey() {
        var file = dir.resolve(ACCOUNT);
        try {
            if (Files.isRegularFile(file)) {
                try (var reader = new StringReader(Files.readString(file))) {
                    return KeyPairUtils.readKeyPair(reader);
                }
            }
            var created = KeyPairUtils.createECKeyPair("secp256r1");
            var text = new StringWriter();
            KeyPairUtils.writeKeyPair(created, text);
            write(ACCOUNT, text.toString());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("ACME account key " + file + ": " + e.getMessage(), e);
        }
    }

    Optional<ServedCertificate> certificate() {
        var file = dir.resolve(CERTIFICATE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            var pem = Files.readString(file, StandardCharsets.US_ASCII);
            return Optional.of(ServedCertificate.fromPem(pem, pem, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("certificate " + file + ": " + e.getMessage(), e);
        }
    }

    void save(ServedCertificate certificate) {
        write(CERTIFICATE, certificate.toPem());
    }

    private void write(String name, String content) {
        try {
            Files.createDirectories(
                    dir,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
            var temp =
                    Files.createTempFile(
                            dir,
                            "." + name,
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temp, content, StandardCharsets.US_ASCII);
                try (var channel =
                        java.nio.channels.FileChannel.open(
                                temp, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace files atomically in " + dir, e);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e, e);
        }
    }
}
