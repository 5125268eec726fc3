package dev.homeweb.feeds;

import dev.homeweb.posts.Post;
import dev.homeweb.routes.Routes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What every format renders: the scope, the entries (newest first, already capped) and when the
 * newest of them last changed.
 *
 * @param author the name the feed is credited to
 * @param updated the latest {@link Post#lastModified()} of the entries; the epoch when there are
 *     none, so an empty feed is still the same bytes every time
 */
record Feed(FeedScope scope, Links links, String author, List<Post> entries, Instant updated) {
    /** The language of the site's pages; the page template says the same. */
    static final String LANGUAGE = "en";

    Feed {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(author, "author");
        entries = List.copyOf(entries);
        Objects.requireNonNull(updated, "updated");
    }

    String selfUrl(FeedFormat format) {
        return links.absolute(scope.feedPath(format));
    }

    String pageUrl() {
        return links.absolute(scope.pagePath());
    }

    /** The post's HTML with every link made absolute, to be read away from the site. */
    String contentHtml(Post post) {
        return AbsoluteLinks.resolve(post.html(), links.post(post));
    }

    String homeUrl() {
        return links.absolute(Routes.HOME);
    }
}
