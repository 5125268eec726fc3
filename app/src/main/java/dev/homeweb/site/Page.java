package dev.homeweb.site;

import dev.homeweb.internal.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * A response rendered ahead of time: the exact bytes, a strong ETag derived from them, and their
 * gzip form, compressed on first request and kept. The arrays are never modified.
 */
public final class Page {
    private static final int MIN_GZIP_BYTES = 512;

    private final byte[] body;
    private final String contentType;
    private final String etag;
    private final Instant lastModified;
    private volatile byte[] gzipped;

    public Page(byte[] body, String contentType, String etag, Instant lastModified) {
        this.body = Objects.requireNonNull(body, "body");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.etag = Objects.requireNonNull(etag, "etag");
        // HTTP dates have whole seconds; keep If-Modified-Since comparisons exact.
        this.lastModified =
                Objects.requireNonNull(lastModified, "lastModified")
                        .truncatedTo(ChronoUnit.SECONDS);
    }

    public static Page html(String html, Instant lastModified) {
        return of(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", lastModified);
    }

    public static Page of(byte[] body, String contentType, Instant lastModified) {
        return new Page(
                body, contentType, "\"" + Sha256.hex(body).substring(0, 20) + "\"", lastModified);
    }

    public byte[] body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public String etag() {
        return etag;
    }

    public Instant lastModified() {
        return lastModified;
    }

    /** Whether gzip is worth it: text large enough to shrink. */
    public boolean compressible() {
        return body.length >= MIN_GZIP_BYTES
                && (contentType.startsWith("text/")
                        || contentType.contains("xml")
                        || contentType.contains("json")
                        || contentType.startsWith("image/svg"));
    }

    /** The gzip-compressed body, made once on first use. */
    public byte[] gzipped() {
        var result = gzipped;
        if (result == null) {
            result = gzip(body);
            gzipped = result;
        }
        return result;
    }

    public static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
