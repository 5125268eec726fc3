package dev.homeweb.web;

import dev.homeweb.site.Page;
import java.time.Instant;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.DateParser;
import org.jspecify.annotations.Nullable;

/** RFC 9110 conditional GET: whether the client's copy of a page is still the current one. */
final class ConditionalRequest {
    private ConditionalRequest() {}

    /** If-None-Match wins; If-Modified-Since counts only without it. */
    static boolean notModified(
            @Nullable String ifNoneMatch, @Nullable String ifModifiedSince, Page page) {
        return notModified(ifNoneMatch, ifModifiedSince, page.etag(), page.lastModified());
    }

    static boolean notModified(
            @Nullable String ifNoneMatch,
            @Nullable String ifModifiedSince,
            String etag,
            Instant lastModified) {
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag);
        }
        if (ifModifiedSince != null) {
            // IMF-fixdate, RFC 850 and asctime, as RFC 9110 asks a recipient to accept; -1 if none.
            long since = DateParser.parseDate(ifModifiedSince);
            return since != -1 && !lastModified.isAfter(Instant.ofEpochMilli(since));
        }
        return false;
    }

    /** Weak comparison over a list of tags, as RFC 9110 asks for If-None-Match. */
    static boolean matches(String ifNoneMatch, String etag) {
        // The common case, a browser or cache sending back the one tag it was given.
        if (ifNoneMatch.equals(etag)) {
            return true;
        }
        var bare = etag.replace("W/", "");
        for (var tag : ifNoneMatch.split(",")) {
            var candidate = tag.strip();
            if (candidate.equals("*") || candidate.replace("W/", "").equals(bare)) {
                return true;
            }
        }
        return false;
    }

    /**
     * IMF-fixdate, the one format RFC 9110 lets a sender use: {@code Sun, 06 Nov 1994 08:49:37
     * GMT}.
     */
    static String httpDate(Instant instant) {
        return DateGenerator.formatDate(instant);
    }
}
