package dev.homeweb.deploy.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files the deploy tool keeps in its cache folder, each replaced whole. */
final class CacheFiles {
    private CacheFiles() {}

    /**
     * Replaces {@code file} with {@code text} by a rename: a concurrent run reads the old file or
     * the new one, never a mix, and a failed write leaves no temporary file behind.
     */
    static void replace(Path file, CharSequence text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        var temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".replace-", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
