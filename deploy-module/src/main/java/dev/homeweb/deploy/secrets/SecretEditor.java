package dev.homeweb.deploy.secrets;

import dev.homeweb.deploy.config.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code secrets edit}: the value in a private temporary file (0600 in a 0700 directory, on
 * /dev/shm when there is one) for {@code $EDITOR}, overwritten with zeros and deleted afterwards,
 * also when the editor fails.
 */
public final class SecretEditor {
    private final Map<String, String> environment;

    public SecretEditor(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The edited value, or empty when the editor left it unchanged. */
    public Optional<byte[]> edit(String name, byte[] value) throws IOException {
        var dir = SecretFiles.scratchDirectory();
        var file = dir.resolve(name);
        try {
            Files.write(file, value, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            var editor =
                    Optional.ofNullable(environment.get("EDITOR"))
                            .or(() -> Optional.ofNullable(environment.get("VISUAL")))
                            .filter(e -> !e.isBlank())
                            .orElse("vi");
            var process =
                    new ProcessBuilder(
                                    List.of("sh", "-c", editor + " \"$1\"", "sh", file.toString()))
                            .inheritIO()
                            .start();
            int code = process.waitFor();
            if (code != 0) {
                throw new UserError(
                        "editor '" + editor + "' exited " + code + "; secret left as it was");
            }
            var edited = Files.readAllBytes(file);
            if (Arrays.equals(edited, value)) {
                Arrays.fill(edited, (byte) 0);
                return Optional.empty();
            }
            return Optional.of(edited);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while editing", e);
        } finally {
            try (var left = Files.list(dir)) {
                for (var f : left.toList()) {
                    shred(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Overwrites a file with zeros before deleting it. */
    static void shred(Path file) throws IOException {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(file);
            return;
        }
        long size = Files.size(file);
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            var zeros = java.nio.ByteBuffer.allocate(8192);
            long written = 0;
            while (written < size) {
                zeros.clear();
                zeros.limit((int) Math.min(zeros.capacity(), size - written));
                written += channel.write(zeros);
            }
            channel.force(true);
        }
        Files.delete(file);
    }
}
