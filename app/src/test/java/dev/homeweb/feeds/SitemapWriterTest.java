package dev.homeweb.feeds;

import static dev.homeweb.feeds.FeedFixtures.POSTS;
import static dev.homeweb.feeds.FeedFixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SitemapWriterTest {
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    final SitemapWriter writer = new SitemapWriter(SITE);

    /** A whole sitemap document holding these {@code <url>} elements. */
    static String urlset(String urls) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """
                + urls
                + "</urlset>\n";
    }

    /** One page of the sitemap, at this path of the site, last modified then. */
    static String url(String path, String lastModified) {
        return """
                  <url>
                    <loc>https://blog.example.org%s</loc>
                    <lastmod>%s</lastmod>
                  </url>
                """
                .formatted(path, lastModified);
    }

    @Test
    void listsHomePostsAndTagsWithTheirOwnLastModifiedDates() {
        var sitemap = writer.sitemap(POSTS);

        assertThat(sitemap.contentType()).isEqualTo("application/xml; charset=utf-8");
        assertThat(sitemap.lastModified()).isEqualTo(Instant.parse("2026-05-03T10:00:00Z"));
        assertThat(sitemap.text())
                .isEqualTo(
                        urlset(
                                url("/", "2026-05-03T10:00:00Z")
                                        + url("/blog/second", "2026-05-03T10:00:00Z")
                                        + url("/blog/first", "2026-05-01T08:00:00Z")
                                        + url("/tags/java-17", "2026-05-03T10:00:00Z")
                                        + url("/tags/web", "2026-05-03T10:00:00Z")));
    }

    @Test
    void parsesAsASitemapWithOneUrlPerPage() {
        var document = FeedReaders.xml(writer.sitemap(POSTS));

        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP_NS);
        assertThat(document.getElementsByTagNameNS(SITEMAP_NS, "url").getLength()).isEqualTo(5);
    }

    @Test
    void tagPageIsAsRecentAsItsNewestPostNotTheSite() {
        var older = FeedFixtures.post("older", Instant.parse("2026-01-01T00:00:00Z"));
        var tagged =
                FeedFixtures.post(
                        "tagged", Instant.parse("2025-12-01T00:00:00Z"), FeedFixtures.JAVA);

        var text = writer.sitemap(List.of(older, tagged)).text();

        assertThat(text).contains(url("/tags/java-17", "2025-12-01T00:00:00Z"));
    }

    @Test
    void includesEveryPostWhateverTheFeedLimit() {
        var start = Instant.parse("2026-01-01T00:00:00Z");
        var posts =
                IntStream.range(0, 30)
                        .mapToObj(i -> FeedFixtures.post("p" + i, start.plusSeconds(i)))
                        .toList();

        var document = FeedReaders.xml(writer.sitemap(posts));

        assertThat(document.getElementsByTagNameNS(SITEMAP_NS, "url").getLength()).isEqualTo(31);
    }

    @Test
    void emptySiteListsTheHomePageWithoutADate() {
        var sitemap = writer.sitemap(List.of());

        assertThat(sitemap.lastModified()).isEqualTo(Instant.EPOCH);
        assertThat(sitemap.text())
                .isEqualTo(
                        urlset(
                                """
                          <url>
                            <loc>https://blog.example.org/</loc>
                          </url>
                        """));
    }

    @Test
    void robotsAllowsEverythingAndNamesTheSitemap() {
        var robots = writer.robots();

        assertThat(robots.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(robots.text())
                .isEqualTo(
                        """
                        User-agent: *
                        Allow: /

                        Sitemap: https://blog.example.org/sitemap.xml
                        """);
    }
}
