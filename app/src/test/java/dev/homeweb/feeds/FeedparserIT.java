package dev.homeweb.feeds;

import static dev.homeweb.feeds.FeedFixtures.JAVA;
import static dev.homeweb.feeds.FeedFixtures.POSTS;
import static dev.homeweb.feeds.FeedFixtures.SECOND;
import static dev.homeweb.feeds.FeedFixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.homeweb.testing.CheckFeeds;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Serves the feeds over HTTP with their real content types and reads them with {@code
 * tools/check-feeds.py}, that is with Debian's python3-feedparser: a second reader written by other
 * people than ROME's authors.
 */
class FeedparserIT {
    static final Map<String, TextDocument> DOCUMENTS = new HashMap<>();
    static HttpServer server;

    @BeforeAll
    static void serveFeeds() throws Exception {
        assertThat(
                        CheckFeeds.run(CheckFeeds.python().toString(), "-c", "import feedparser")
                                .exitCode())
                .as("Debian's python3-feedparser under /usr/bin/python3 (see tools/prerequisites)")
                .isZero();
        var writer = new FeedWriter(SITE);
        for (var format : FeedFormat.values()) {
            var site = FeedScope.site(SITE);
            var tag = FeedScope.tag(SITE, JAVA);
            DOCUMENTS.put(site.feedPath(format), writer.write(format, site, POSTS));
            DOCUMENTS.put(tag.feedPath(format), writer.write(format, tag, List.of(SECOND)));
            DOCUMENTS.put(
                    "/hostile/" + format.fileName(),
                    writer.write(
                            format,
                            new FeedScope("Hostile <&> “feed” 🐟", "/hostile"),
                            List.of(FeedWriterTest.HostileText.POST)));
        }
        DOCUMENTS.put(
                "/empty.xml",
                writer.write(FeedFormat.ATOM, new FeedScope("Empty", "/empty"), List.of()));
        DOCUMENTS.put(
                "/broken.xml",
                new TextDocument(
                        "<rss version=\"2.0\"><channel><title>a & b</title></channel></rss>",
                        FeedFormat.RSS.contentType(),
                        Instant.EPOCH));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    var document = DOCUMENTS.get(exchange.getRequestURI().getPath());
                    if (document == null) {
                        exchange.sendResponseHeaders(404, -1);
                    } else {
                        var body = document.bytes();
                        exchange.getResponseHeaders().set("Content-Type", document.contentType());
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    }
                    exchange.close();
                });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void feedparserReadsEverySiteAndTagFeedWithoutBozo() throws Exception {
        var result =
                checkFeeds(
                        "/atom.xml",
                        "/rss.xml",
                        "/feed.json",
                        "/tags/java-17/atom.xml",
                        "/tags/java-17/rss.xml",
                        "/tags/java-17/feed.json");

        assertThat(result.output())
                .containsSubsequence(
                        "ok    atom10    2 entries  " + url("/atom.xml") + "  'My blog'",
                        "ok    rss20     2 entries  " + url("/rss.xml"),
                        "ok    json11    2 entries  " + url("/feed.json"),
                        "ok    atom10    1 entries  " + url("/tags/java-17/atom.xml"),
                        "ok    rss20     1 entries  " + url("/tags/java-17/rss.xml"),
                        "ok    json11    1 entries  " + url("/tags/java-17/feed.json"));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void feedparserReadsXmlHostileTextWithoutBozo() throws Exception {
        var result = checkFeeds("/hostile/atom.xml", "/hostile/rss.xml", "/hostile/feed.json");

        assertThat(result.output()).doesNotContain("FAIL");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void failsWithAReasonOnBozoEmptyAndMissingFeeds() throws Exception {
        var result = checkFeeds("/atom.xml", "/broken.xml", "/empty.xml", "/missing.xml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
                .contains("ok    atom10    2 entries  " + url("/atom.xml"))
                .contains("FAIL  " + url("/broken.xml") + ": bozo: SAXParseException")
                .contains("FAIL  " + url("/empty.xml") + ": atom10 feed has no entries")
                .contains("FAIL  " + url("/missing.xml") + ": HTTP 404")
                .contains("check-feeds: 3 of 4 feeds failed");
    }

    static CheckFeeds.Result checkFeeds(String... paths) throws Exception {
        return CheckFeeds.check(Arrays.stream(paths).map(FeedparserIT::url).toList());
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
