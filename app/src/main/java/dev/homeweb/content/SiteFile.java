package dev.homeweb.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file beside a post, or under {@code content/static/}: its name relative to that folder ({@code
 * /}-separated, Unicode NFC, so a name typed on one system finds a file saved on another), where it
 * is, and its size and SHA-256 when it was read.
 */
public record SiteFile(String name, Path path, long size, String sha256) {
    /** Largest file the import takes: the README's "Writing posts" says so too. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    public SiteFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " of " + path + " is negative");
        }
    }

    boolean tooLarge() {
        return size > MAX_BYTES;
    }

    /** "25.3 MB, over the 20 MB limit": what an error about its size says. */
    String sizeProblem() {
        return String.format(
                java.util.Locale.ROOT,
                "is %.1f MB, over the %d MB limit for a file; make it smaller",
                size / 1048576.0,
                MAX_BYTES / 1048576);
    }
}
