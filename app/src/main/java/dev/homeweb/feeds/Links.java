package dev.homeweb.feeds;

import dev.homeweb.config.SiteSettings;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import dev.homeweb.routes.Routes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Absolute URLs and ids of the site's resources, at the paths {@link Routes} gives them.
 *
 * @param baseUrl absolute, without a trailing slash
 * @param host the base URL's host, lower case
 * @param basePath the base URL's path, {@code ""} at the root of the host
 */
record Links(String baseUrl, String host, String basePath) {
    Links {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(basePath, "basePath");
    }

    static Links from(SiteSettings site) {
        var baseUrl = site.baseUrl();
        try {
            var uri = new URI(baseUrl);
            if (uri.getHost() == null || baseUrl.endsWith("/")) {
                throw new URISyntaxException(baseUrl, "no host, or a trailing slash");
            }
            var path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return new Links(baseUrl, uri.getHost().toLowerCase(Locale.ROOT), path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "base URL '" + baseUrl + "' is not absolute without a trailing slash", e);
        }
    }

    String absolute(String path) {
        return baseUrl + path;
    }

    String post(Post post) {
        return absolute(postPath(post));
    }

    String tag(Tag tag) {
        return absolute(Routes.tag(tag.slug()));
    }

    /** The prefix of every tag page's URL, naming the site's tags as a category scheme. */
    String tagScheme() {
        return absolute(Routes.TAGS);
    }

    /**
     * A {@code tag:} URI (RFC 4151) for the post: host, day of publication and path. It survives
     * re-imports, edits and a move from http to https; a new slug or publication date is a new
     * entry, which is what a reader would see anyway.
     */
    String entryId(Post post) {
        return "tag:"
                + host
                + ","
                + Dates.day(post.publishedAt())
                + ":"
                + basePath
                + postPath(post);
    }

    private static String postPath(Post post) {
        return Routes.post(post.slug());
    }
}
