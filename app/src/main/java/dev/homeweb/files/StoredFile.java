package dev.homeweb.files;

import java.time.Instant;
import java.util.Objects;

/**
 * A file the site serves at {@code path}: its content hash, type and size, when it was stored, and
 * whether its address holds the hash (so it may be cached forever) or is a fixed name under {@code
 * content/static/} (so caches must ask again).
 */
public record StoredFile(
        String path,
        String hash,
        String contentType,
        long size,
        Instant storedAt,
        boolean immutable) {
    public StoredFile {
        Objects.requireNonNull(path, "path");
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " of " + path);
        }
        if (hash.length() < 32) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + hash);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(storedAt, "storedAt");
    }

    /** A strong ETag: the content hash names the bytes exactly. */
    public String etag() {
        return "\"" + hash.substring(0, 32) + "\"";
    }
}
