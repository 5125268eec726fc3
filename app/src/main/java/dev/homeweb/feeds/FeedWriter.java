package dev.homeweb.feeds;

import dev.homeweb.config.SiteSettings;
import dev.homeweb.posts.Post;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Writes the Atom, RSS and JSON Feed documents of a scope. Output depends only on the settings and
 * the posts, never on the clock or the order the posts come in, so the same posts give the same
 * bytes and the same ETag. Thread-safe: it holds no mutable state.
 */
public final class FeedWriter {
    /** How many of the newest posts a feed carries unless told otherwise. */
    public static final int DEFAULT_MAX_ENTRIES = 20;

    static final Comparator<Post> NEWEST_FIRST =
            Comparator.comparing(Post::publishedAt).reversed().thenComparing(Post::slug);

    private final SiteSettings site;
    private final Links links;
    private final int maxEntries;

    public FeedWriter(SiteSettings site) {
        this(site, DEFAULT_MAX_ENTRIES);
    }

    public FeedWriter(SiteSettings site, int maxEntries) {
        this.site = Objects.requireNonNull(site, "site");
        this.links = Links.from(site);
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /**
     * The feed of {@code scope} in {@code format}.
     *
     * @param posts the scope's visible posts, in any order; the newest {@code maxEntries} by
     *     publication date are written
     */
    public TextDocument write(FeedFormat format, FeedScope scope, List<Post> posts) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(scope, "scope");
        var entries = posts.stream().sorted(NEWEST_FIRST).limit(maxEntries).toList();
        var updated =
                entries.stream()
                        .map(Post::lastModified)
                        .max(Comparator.naturalOrder())
                        .orElse(Instant.EPOCH);
        var feed = new Feed(scope, links, site.title(), entries, updated);
        var text =
                switch (format) {
                    case ATOM -> AtomRenderer.render(feed);
                    case RSS -> RssRenderer.render(feed);
                    case JSON_FEED -> JsonFeedRenderer.render(feed);
                };
        return new TextDocument(text, format.contentType(), updated);
    }
}
