package dev.homeweb.feeds;

import dev.homeweb.config.SiteSettings;
import dev.homeweb.posts.Tag;
import dev.homeweb.routes.Routes;
import java.util.Objects;

/**
 * Which posts a feed covers, named by the path of the HTML list page it mirrors: {@code ""} for the
 * whole site, {@code "/tags/java"} for one tag. Feeds live beside that page: {@code /atom.xml},
 * {@code /tags/java/atom.xml}.
 *
 * @param title the feed's title
 * @param basePath {@code ""}, or a path that starts with {@code /} and does not end with one
 */
public record FeedScope(String title, String basePath) {
    public FeedScope {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(basePath, "basePath");
        if (title.isBlank()) {
            throw new IllegalArgumentException("feed title is blank");
        }
        if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
            throw new IllegalArgumentException(
                    "feed base path '" + basePath + "' must be empty or /like/this");
        }
    }

    /** Every post of the site. */
    public static FeedScope site(SiteSettings site) {
        return new FeedScope(site.title(), "");
    }

    /** The posts with one tag; titled like the tag's page. */
    public static FeedScope tag(SiteSettings site, Tag tag) {
        return new FeedScope(
                "Posts tagged “" + tag.name() + "” – " + site.title(), Routes.tag(tag.slug()));
    }

    /** The path of the HTML page listing the same posts: {@code /} or {@code /tags/java}. */
    public String pagePath() {
        return Routes.listPage(basePath, 1);
    }

    /** The path the feed in {@code format} is served at, such as {@code /tags/java/atom.xml}. */
    public String feedPath(FeedFormat format) {
        return Routes.feed(basePath, format.fileName());
    }
}
