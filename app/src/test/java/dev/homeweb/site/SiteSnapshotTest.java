package dev.homeweb.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.config.SiteSettings;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SiteSnapshotTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    final Renderers renderer = renderers();

    static Renderers renderers() {
        return Renderers.of(
                new SiteSettings(
                        "My blog",
                        "https://blog.example.org",
                        Optional.of("me@example.org"),
                        "/static/site.x.css",
                        "/static/favicon.x.svg"));
    }

    static Post post(String slug, Instant published, Tag... tags) {
        return new Post(
                slug,
                "Title " + slug,
                Optional.of("About " + slug),
                published,
                Optional.empty(),
                List.of(tags),
                "<p>body of " + slug + "</p>\n",
                450,
                List.of("/old/" + slug));
    }

    static String text(Page page) {
        return new String(page.body(), StandardCharsets.UTF_8);
    }

    @Test
    void rendersEveryPostTagAndTheIndex() {
        var java = new Tag("java", "Java");
        var posts = List.of(post("b", NOW.minusSeconds(10), java), post("a", NOW.minusSeconds(20)));

        var site = SiteSnapshot.build(posts, NOW, renderer);

        assertThat(site.postCount()).isEqualTo(2);
        assertThat(text(site.find("/").orElseThrow()))
                .contains("Title b", "Title a", "About b")
                .containsSubsequence("Title b", "Title a");
        assertThat(text(site.find("/blog/a").orElseThrow()))
                .contains("<h1 class=\"p-name\">Title a</h1>", "<p>body of a</p>", "3 min read");
        assertThat(text(site.find("/tags/java").orElseThrow()))
                .contains("Title b")
                .doesNotContain("Title a");
        assertThat(site.find("/blog/missing")).isEmpty();
        assertThat(site.redirect("/old/a")).contains("/blog/a");
        assertThat(text(site.notFound())).contains("Page not found");
    }

    @Test
    void postPageHeadCarriesCanonicalOpenGraphAndFeedLinks() {
        var post =
                new Post(
                        "a",
                        "Title a",
                        Optional.of("About a"),
                        NOW.minusSeconds(3600),
                        Optional.of(NOW.minusSeconds(60)),
                        List.of(new Tag("java", "Java")),
                        "<p>x</p>\n",
                        10,
                        List.of());

        var page =
                text(
                        SiteSnapshot.build(List.of(post), NOW, renderer)
                                .find("/blog/a")
                                .orElseThrow());
        var head =
                page.substring(
                        page.indexOf("<meta name=\"description\""),
                        page.indexOf("<link rel=\"icon\""));

        assertThat(head)
                .isEqualTo(
                        """
                        <meta name="description" content="About a">
                        <link rel="canonical" href="https://blog.example.org/blog/a">
                        <meta property="og:site_name" content="My blog">
                        <meta property="og:title" content="Title a">
                        <meta property="og:type" content="article">
                        <meta property="og:url" content="https://blog.example.org/blog/a">
                        <meta property="og:description" content="About a">
                        <meta property="article:published_time" content="2026-06-01T11:00:00Z">
                        <meta property="article:modified_time" content="2026-06-01T11:59:00Z">
                        <meta property="article:tag" content="Java">
                        <meta name="twitter:card" content="summary">
                        <meta name="twitter:title" content="Title a">
                        <meta name="twitter:description" content="About a">
                        <link rel="alternate" type="application/atom+xml" title="Atom feed" href="https://blog.example.org/atom.xml">
                        <link rel="alternate" type="application/rss+xml" title="RSS feed" href="https://blog.example.org/rss.xml">
                        <link rel="alternate" type="application/feed+json" title="JSON Feed" href="https://blog.example.org/feed.json">
                        """);
        assertThat(page)
                .contains(
                        "<article class=\"post h-entry\">",
                        "<time class=\"dt-published\" datetime=\"2026-06-01T11:00:00Z\">1 June 2026</time>",
                        "updated <time class=\"dt-updated\" datetime=\"2026-06-01T11:59:00Z\">",
                        "10 words · 1 min read",
                        "<a class=\"p-author h-card\" href=\"https://blog.example.org/\">My blog</a>",
                        "<div class=\"e-content\">\n<p>x</p>\n</div>");
    }

    @Test
    void listPagesLinkPrevAndNextInTheHead() {
        var posts = new ArrayList<Post>();
        IntStream.range(0, 15)
                .forEach(i -> posts.add(post("p" + i, NOW.minus(Duration.ofDays(i)))));

        var second = text(SiteSnapshot.build(posts, NOW, renderer).find("/page/2").orElseThrow());

        assertThat(second)
                .contains("<link rel=\"prev\" href=\"https://blog.example.org/\">")
                .doesNotContain("<link rel=\"next\"");
    }

    @Test
    void postPageHasDiscussLinkAndOtherPosts() {
        var posts = List.of(post("b", NOW.minusSeconds(10)), post("a", NOW.minusSeconds(20)));

        var page = text(SiteSnapshot.build(posts, NOW, renderer).find("/blog/a").orElseThrow());

        assertThat(page)
                .contains(
                        "Want to discuss this post? <a href=\"mailto:me@example.org?subject=Re%3A%20Title%20a\">")
                .contains(
                        "<h2 id=\"other-posts\">Other posts</h2>",
                        "<a href=\"/blog/b\">Title b</a>")
                .doesNotContain("<a href=\"/blog/a\">");
    }

    @Test
    void paginatesTenPostsPerPageWithPrevAndNextLinks() {
        var posts = new ArrayList<Post>();
        IntStream.range(0, 25)
                .forEach(i -> posts.add(post("p" + i, NOW.minus(Duration.ofDays(i)))));

        var site = SiteSnapshot.build(posts, NOW, renderer);

        assertThat(text(site.find("/").orElseThrow()))
                .contains("Title p0", "Title p9", "rel=\"next\" href=\"/page/2\"")
                .doesNotContain("Title p10<")
                .doesNotContain("rel=\"prev\"");
        assertThat(text(site.find("/page/2").orElseThrow()))
                .contains("Title p10", "rel=\"prev\" href=\"/\"", "rel=\"next\" href=\"/page/3\"");
        assertThat(text(site.find("/page/3").orElseThrow()))
                .contains("Title p24", "Page 3 of 3")
                .doesNotContain("rel=\"next\"");
        assertThat(site.find("/page/4")).isEmpty();
    }

    @Test
    void answersOnlyTheAddressesItsListsAndPostsHave() {
        var java = new Tag("java", "Java");
        var posts = new ArrayList<Post>();
        IntStream.range(0, 12)
                .forEach(i -> posts.add(post("p" + i, NOW.minus(Duration.ofDays(i)), java)));

        var site = SiteSnapshot.build(posts, NOW, renderer);

        assertThat(site.page("/tags/java/page/2")).isPresent();
        assertThat(text(site.find("/tags/java/page/2").orElseThrow()))
                .contains("Title p10", "Title p11", "Page 2 of 2");
        assertThat(site.page("/tags/java/page/3")).isEmpty();
        assertThat(site.page("/tags/rust")).isEmpty();
        assertThat(site.page("/page/1")).isEmpty();
        assertThat(site.page("/page/02")).isEmpty();
        assertThat(site.page("/page/")).isEmpty();
        assertThat(site.page("/page/2x")).isEmpty();
        assertThat(site.page("/blog/")).isEmpty();
        assertThat(site.page("/blog/p1/page/2")).isEmpty();
        assertThat(site.page("/blog/old/p1")).isEmpty();
    }

    @Test
    void makesAPageOnceAndKeepsIt() {
        var posts = List.of(post("a", NOW.minusSeconds(10)));

        var site = SiteSnapshot.build(posts, NOW, renderer);

        var first = site.page("/blog/a").orElseThrow();
        assertThat(first.isRendered()).isFalse();
        first.get();
        assertThat(site.page("/blog/a").orElseThrow()).isSameAs(first);
        assertThat(site.page("/").orElseThrow()).isSameAs(site.page("/").orElseThrow());
        assertThat(site.page("/blog/a").orElseThrow().isRendered()).isTrue();
    }

    @Test
    void holdsBackScheduledPostsUntilTheirTime() {
        var later = NOW.plus(Duration.ofHours(1));
        var posts =
                List.of(
                        post("future", later, new Tag("news", "news")),
                        post("past", NOW.minusSeconds(1)));

        var site = SiteSnapshot.build(posts, NOW, renderer);

        assertThat(site.find("/blog/future")).isEmpty();
        assertThat(site.find("/tags/news")).isEmpty();
        assertThat(text(site.find("/").orElseThrow())).doesNotContain("future");
        assertThat(site.nextChange()).contains(later);
        assertThat(SiteSnapshot.build(posts, later, renderer).find("/blog/future")).isPresent();
    }

    @Test
    void escapesTitlesAndSummaries() {
        var post =
                new Post(
                        "x",
                        "<b>Bold</b> & co",
                        Optional.of("\"quoted\""),
                        NOW,
                        Optional.empty(),
                        List.of(),
                        "",
                        1,
                        List.of());

        var index = text(SiteSnapshot.build(List.of(post), NOW, renderer).find("/").orElseThrow());

        assertThat(index)
                .contains("&lt;b&gt;Bold&lt;/b&gt; &amp; co", "&quot;quoted&quot;")
                .doesNotContain("<b>Bold");
    }

    @Test
    void etagChangesWithTheBytes() {
        var one =
                SiteSnapshot.build(List.of(post("a", NOW)), NOW, renderer)
                        .find("/blog/a")
                        .orElseThrow();
        var same =
                SiteSnapshot.build(List.of(post("a", NOW)), NOW, renderer)
                        .find("/blog/a")
                        .orElseThrow();
        var other =
                SiteSnapshot.build(List.of(post("a", NOW.minusSeconds(60))), NOW, renderer)
                        .find("/blog/a")
                        .orElseThrow();

        assertThat(one.etag())
                .startsWith("\"")
                .endsWith("\"")
                .isEqualTo(same.etag())
                .isNotEqualTo(other.etag());
    }
}
