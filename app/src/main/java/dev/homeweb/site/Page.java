package dev.homeweb.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A response rendered ahead of time: the exact bytes, with a strong ETag derived from them. The
 * array is never modified after construction.
 */
public record Page(byte[] body, String contentType, String etag, Instant lastModified) {
    public Page {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    public static Page html(String html, Instant lastModified) {
        return of(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", lastModified);
    }

    public static Page of(byte[] body, String contentType, Instant lastModified) {
        return new Page(body, contentType, "\"" + hash(body).substring(0, 20) + "\"", lastModified);
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
