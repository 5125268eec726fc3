package dev.homeweb.deploy.release;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a release: where it goes inside the release directory, its SHA-256 and size, whether
 * it is executable, and the local file it comes from (not part of the release's identity).
 */
public record ReleaseFile(String path, String sha256, long size, boolean executable, Path source) {
    public ReleaseFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(source, "source");
        if (path.startsWith("/") || path.contains("..") || !path.matches("[A-Za-z0-9._/+@-]+")) {
            throw new IllegalArgumentException(
                    "release path '" + path + "' must be relative and use only [A-Za-z0-9._/+@-]");
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + path);
        }
    }

    /** The name of this content in the node's content-addressed store. */
    public String storeName() {
        return sha256 + (executable ? "-755" : "-644");
    }

    /** The manifest line: {@code sha256 size mode path}. */
    String manifestLine() {
        return sha256 + " " + size + " " + (executable ? "755" : "644") + " " + path;
    }
}
