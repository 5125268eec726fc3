package dev.homeweb.web;

import dev.homeweb.site.Page;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.jspecify.annotations.Nullable;

/**
 * A page with its response headers encoded once, so answering it copies bytes and formats nothing.
 * The gzip form is made on the first request that accepts it. It keeps the page's bytes but not the
 * {@link Page} itself, so it can be looked up by a page that is only weakly held.
 */
final class PreparedPage {
    static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private final String etagValue;
    private final Instant lastModifiedValue;
    private final boolean compressible;
    private final HttpField contentType;
    private final HttpField etag;
    private final HttpField lastModified;
    private final HttpField cacheControl;
    private final DirectBodies budget;
    private final Body plain;
    private volatile @Nullable Body gzipped;

    /**
     * A body and its Content-Length. Written from the heap until it has been asked for often
     * enough, then from a direct copy if the budget has room (see {@link DirectBodies}).
     */
    static final class Body {
        private final HttpField contentLength;
        private final byte[] array;
        private final DirectBodies budget;
        // Racy on purpose: a lost count only delays the copy by a request.
        private int hits;
        private volatile @Nullable ByteBuffer direct;

        Body(byte[] array, DirectBodies budget) {
            this.contentLength =
                    new PreEncodedHttpField(
                            HttpHeader.CONTENT_LENGTH, Integer.toString(array.length));
            this.array = array;
            this.budget = budget;
        }

        HttpField contentLength() {
            return contentLength;
        }

        byte[] array() {
            return array;
        }

        /** A buffer of its own for one response: Jetty moves its position while writing. */
        ByteBuffer content() {
            var copy = direct;
            if (copy == null && ++hits >= budget.hitsBeforeCopy()) {
                copy = budget.copy(array);
                if (copy == null) {
                    // No room: stop counting, so a full budget costs nothing more per request.
                    hits = Integer.MIN_VALUE;
                } else {
                    direct = copy;
                }
            }
            return copy != null ? copy.duplicate() : ByteBuffer.wrap(array).asReadOnlyBuffer();
        }

        /** Whether {@link #content()} now answers from a direct copy. */
        boolean isDirect() {
            return direct != null;
        }
    }

    /** A page whose body is never copied off the heap. */
    PreparedPage(Page page, HttpField cacheControl) {
        this(page, cacheControl, DirectBodies.NONE);
    }

    PreparedPage(Page page, HttpField cacheControl, DirectBodies budget) {
        this.budget = budget;
        this.etagValue = page.etag();
        this.lastModifiedValue = page.lastModified();
        this.compressible = page.compressible();
        this.contentType = contentType(page.contentType());
        this.etag = new PreEncodedHttpField(HttpHeader.ETAG, page.etag());
        this.lastModified =
                new PreEncodedHttpField(
                        HttpHeader.LAST_MODIFIED, ConditionalRequest.httpDate(page.lastModified()));
        this.cacheControl = cacheControl;
        this.plain = new Body(page.body(), budget);
    }

    /** As Jetty's servlet layer writes it: known types in their canonical form. */
    static HttpField contentType(String type) {
        var known = MimeTypes.CACHE.get(type);
        return known != null
                ? known.getContentTypeField()
                : new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type);
    }

    /** Whether the client's copy, as its conditional headers describe it, is this one. */
    boolean notModified(@Nullable String ifNoneMatch, @Nullable String ifModifiedSince) {
        return ConditionalRequest.notModified(
                ifNoneMatch, ifModifiedSince, etagValue, lastModifiedValue);
    }

    HttpField contentType() {
        return contentType;
    }

    HttpField etag() {
        return etag;
    }

    HttpField lastModified() {
        return lastModified;
    }

    HttpField cacheControl() {
        return cacheControl;
    }

    boolean compressible() {
        return compressible;
    }

    Body plain() {
        return plain;
    }

    Body gzipped() {
        var result = gzipped;
        if (result == null) {
            result = new Body(Page.gzip(plain.array()), budget);
            gzipped = result;
        }
        return result;
    }
}
