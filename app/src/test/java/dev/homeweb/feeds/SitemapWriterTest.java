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

    @Test
    void listsHomePostsAndTagsWithTheirOwnLastModifiedDates() {
        var sitemap = writer.sitemap(POSTS);

        assertThat(sitemap.contentType()).isEqualTo("application/xml; charset=utf-8");
        assertThat(sitemap.lastModified()).isEqualTo(Instant.parse("2026-05-03T10:00:00Z"));
        assertThat(sitemap.text())
                .isEqualTo(
                        """
                        <?xml version="1.0" encoding="utf-8"?>
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                          <url>
                            <loc>https://blog.example.org/</loc>
                            <lastmod>2026-05-03T10:00:00Z</lastmod>
                          </url>
                          <url>
                            <loc>https://blog.example.org/blog/second</loc>
                            <lastmod>2026-05-03T10:00:00Z</lastmod>
                          </url>
                          <url>
                            <loc>https://blog.example.org/blog/first</loc>
                            <lastmod>2026-05-01T08:00:00Z</lastmod>
                          </url>
                          <url>
                            <loc>https://blog.example.org/tags/java-17</loc>
                            <lastmod>2026-05-03T10:00:00Z</lastmod>
                          </url>
                          <url>
                            <loc>https://blog.example.org/tags/web</loc>
                            <lastmod>2026-05-03T10:00:00Z</lastmod>
                          </url>
                        </urlset>
                        """);
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

        assertThat(text)
                .contains(
                        """
                            <loc>https://blog.example.org/tags/java-17</loc>
                            <lastmod>2025-12-01T00:00:00Z</lastmod>
                        """);
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
                        """
                        <?xml version="1.0" encoding="utf-8"?>
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                          <url>
                            <loc>https://blog.example.org/</loc>
                          </url>
                        </urlset>
                        """);
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
