package dev.homeweb.feeds;

import dev.homeweb.config.SiteSettings;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A two-post site shared by the feed tests. */
final class FeedFixtures {
    static final SiteSettings SITE = site("My blog", "https://blog.example.org");

    static final Tag JAVA = new Tag("java-17", "Java 17");
    static final Tag WEB = new Tag("web", "Web");

    /** Newer, edited after publication, with a summary, two tags and markup-heavy text. */
    static final Post SECOND =
            post(
                    "second",
                    "Feeds & <XML>",
                    Optional.of("Why “feeds” still matter"),
                    Instant.parse("2026-05-02T09:30:00Z"),
                    Optional.of(Instant.parse("2026-05-03T10:00:00Z")),
                    List.of(JAVA, WEB),
                    "<p>Atom &amp; RSS, after <a href=\"/blog/first\">the first</a>.</p>\n"
                            + "<pre><code>a &lt; b\n</code></pre>\n");

    /** Older, never edited, no summary, one tag. */
    static final Post FIRST =
            post(
                    "first",
                    "Hello, world",
                    Optional.empty(),
                    Instant.parse("2026-05-01T08:00:00Z"),
                    Optional.empty(),
                    List.of(WEB),
                    "<p>Hi 👋</p>\n");

    static final List<Post> POSTS = List.of(SECOND, FIRST);

    /** {@link #SECOND}'s HTML as the feeds carry it: its link made absolute. */
    static final String SECOND_CONTENT =
            "<p>Atom &amp; RSS, after <a href=\"https://blog.example.org/blog/first\">the first</a>.</p>\n"
                    + "<pre><code>a &lt; b\n</code></pre>\n";

    private FeedFixtures() {}

    static Post post(String slug, Instant published, Tag... tags) {
        return post(
                slug,
                "Title " + slug,
                Optional.empty(),
                published,
                Optional.empty(),
                List.of(tags),
                "<p>" + slug + "</p>\n");
    }

    // The only places that call the record constructors, so a new component is one edit here.

    static Post post(
            String slug,
            String title,
            Optional<String> summary,
            Instant published,
            Optional<Instant> updated,
            List<Tag> tags,
            String html) {
        return new Post(slug, title, summary, published, updated, tags, html, 1, List.of());
    }

    static SiteSettings site(String title, String baseUrl) {
        return new SiteSettings(
                title, baseUrl, Optional.empty(), "/static/site.css", "/static/favicon.svg");
    }
}
