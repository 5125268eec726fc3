package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.App;
import dev.homeweb.config.AppConfig;
import dev.homeweb.content.ContentImporter;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every page of a running server with a small fixed site, started once for the class. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesIT {
    App.Server server;
    Http http;

    @BeforeAll
    void start(TestDatabase db, @TempDir Path dir) {
        db.migrate();
        var content = new ContentDir(dir.resolve("content"));
        content.post(
                "hello.md",
                "Hello world",
                "2026-01-01",
                "tags: [Java]\nsummary: The first one.\naliases: [/2019/01/hello.html]\n");
        content.post(
                "second.md",
                "---\ntitle: Second post\ndate: 2026-01-02\ntags: [java, ops]\n---\n"
                        + "Deploying with systemd units and a rollback timer.\n");
        content.post("secret.md", "Secret draft", "2026-01-03", "draft: true\n");
        new ContentImporter(db.dsl(), new ContentReader(), new MarkdownRenderer())
                .importFrom(content.root());
        var options =
                Map.of(
                        "database-url-file", db.writeUrlFile(dir).toString(),
                        "port", "0",
                        "discuss-email", "me@example.org",
                        "site-title", "Test blog");
        server =
                new App(
                                AppConfig.from(options, Map.of()),
                                new PrintWriter(new StringWriter()),
                                Clock.systemUTC(),
                                Optional.of("r-test"))
                        .serve();
        http = Http.onPort(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void indexListsPublishedPostsNewestFirst() {
        var response = http.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .contains("text/html;charset=utf-8");
        assertThat(response.body())
                .containsSubsequence("Second post", "Hello world", "The first one.")
                .doesNotContain("Secret draft");
    }

    @Test
    void postPageShowsTheBodyTagsAndDiscussLink() {
        var response = http.get("/blog/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "<title>Hello world · Test blog</title>",
                        "<p>Body of <em>Hello world</em>.</p>",
                        "href=\"/tags/java\"",
                        "min read")
                .contains(
                        "mailto:me@example.org?subject=Re%3A%20Hello%20world",
                        "Other posts", "href=\"/blog/second\"");
    }

    @Test
    void tagPageListsItsPosts() {
        var response = http.get("/tags/ops");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Second post").doesNotContain("Hello world");
    }

    @Test
    void draftsAreNeverServed() {
        assertThat(http.get("/blog/secret").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathsAndSlugsGetTheHtml404Page() {
        for (var path :
                new String[] {"/blog/nope", "/nope", "/tags/nope", "/page/9", "/static/site.css"}) {
            var response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("Page not found");
        }
    }

    @Test
    void stylesheetHasAHashedNameAndIsCachedForAYear() {
        var css =
                http.get("/")
                        .body()
                        .replaceAll("(?s).*href=\"(/static/site\\.[0-9a-f]+\\.css)\".*", "$1");
        var response = http.get(css);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("cache-control"))
                .contains("public, max-age=31536000, immutable");
        assertThat(response.body()).contains("prefers-color-scheme: dark");
    }

    @Test
    void answersNotModifiedForAMatchingEtag() {
        var first = http.get("/blog/hello");
        var etag = first.headers().firstValue("etag").orElseThrow();

        var second = http.get("/blog/hello", "If-None-Match", etag);

        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
    }

    @Test
    void healthReportsDatabasePostsAndRelease() {
        var response = http.get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "\"status\":\"ok\"",
                        "\"database\":\"up\"",
                        "\"posts\":3",
                        "\"release\":\"r-test\"");
    }

    @Test
    void oldAddressesRedirectPermanentlyToThePost() {
        var response = http.get("/2019/01/hello.html");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location")).contains("/blog/hello");
    }

    @Test
    void searchFindsRankedPostsWithMarkedSnippets() {
        var response = http.get("/search?q=rollback+systemd");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "1 post matches",
                        "<a href=\"/blog/second\">Second post</a>",
                        "<mark>rollback</mark>")
                .doesNotContain("Secret draft");
    }

    @Test
    void searchAnswersEveryOddQueryWithAPage() {
        for (var query :
                new String[] {
                    "",
                    "q=",
                    "q=%22unclosed",
                    "q=%26%26%21%21%7C",
                    "q=" + "x".repeat(5000),
                    "q=%3Cscript%3E",
                    "q=the",
                    "q=%00%01"
                }) {
            var response = http.get("/search?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(200);
            assertThat(response.body())
                    .as(query)
                    .contains("<h1>Search</h1>")
                    .doesNotContain("<script>");
        }
    }

    @Test
    void pagesAreGzippedForClientsThatAskAndTheBytesMatch() throws Exception {
        var plain = http.get("/blog/hello");
        var request =
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(
                                        "http://127.0.0.1:" + server.port() + "/blog/hello"))
                        .header("Accept-Encoding", "gzip")
                        .build();
        var gzipped =
                java.net.http.HttpClient.newHttpClient()
                        .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.headers().firstValue("content-encoding")).contains("gzip");
        assertThat(gzipped.headers().firstValue("vary")).contains("Accept-Encoding");
        try (var in =
                new java.util.zip.GZIPInputStream(
                        new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(plain.body());
        }
    }

    @Test
    void answersNotModifiedForIfModifiedSince() {
        var first = http.get("/blog/hello");
        var lastModified = first.headers().firstValue("last-modified").orElseThrow();

        assertThat(http.get("/blog/hello", "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(304);
        assertThat(
                        http.get(
                                        "/blog/hello",
                                        "If-Modified-Since",
                                        "Thu, 01 Jan 2015 00:00:00 GMT")
                                .statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (var path : new String[] {"/", "/blog/hello", "/nope", "/search?q=x", "/healthz"}) {
            var headers = http.get(path).headers();
            assertThat(headers.firstValue("content-security-policy"))
                    .as(path)
                    .hasValueSatisfying(
                            csp ->
                                    assertThat(csp)
                                            .contains(
                                                    "frame-ancestors 'none'",
                                                    "default-src 'none'",
                                                    "connect-src 'self'")
                                            .doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("x-content-type-options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("referrer-policy")).as(path).isPresent();
            assertThat(headers.firstValue("strict-transport-security"))
                    .as("no HSTS on http")
                    .isEmpty();
        }
    }

    @Test
    void servesFeedsWithTheirContentTypesAndAliases() {
        var types =
                Map.of(
                        "/atom.xml", "application/atom+xml",
                        "/rss.xml", "application/rss+xml",
                        "/feed.json", "application/feed+json",
                        "/tags/java/atom.xml", "application/atom+xml",
                        "/feed", "application/atom+xml",
                        "/index.xml", "application/rss+xml");
        types.forEach(
                (path, type) -> {
                    var response = http.get(path);
                    assertThat(response.statusCode()).as(path).isEqualTo(200);
                    assertThat(response.headers().firstValue("content-type"))
                            .as(path)
                            .hasValueSatisfying(v -> assertThat(v).startsWith(type));
                });
        assertThat(http.get("/atom.xml").body())
                .contains("Hello world", "Second post")
                .doesNotContain("Secret draft");
        assertThat(http.get("/tags/ops/rss.xml").body())
                .contains("Second post")
                .doesNotContain("Hello world");
    }

    @Test
    void everyPageLinksItsFeedsForAutodiscovery() {
        assertThat(http.get("/").body())
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"");
        assertThat(http.get("/tags/ops").body())
                .contains("/tags/ops/atom.xml\"", "/tags/ops/feed.json\"");
    }

    @Test
    void sitemapAndRobotsListThePublishedPosts() {
        var sitemap = http.get("/sitemap.xml");
        var robots = http.get("/robots.txt");

        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(sitemap.body())
                .contains("/blog/hello</loc>", "/blog/second</loc>", "<lastmod>2026-01-01")
                .doesNotContain("/blog/secret");
        assertThat(robots.body()).contains("Sitemap: ").contains("/sitemap.xml");
    }

    @Test
    void debianFeedparserReadsEveryFeedWithoutBozo() throws Exception {
        var urls =
                java.util.stream.Stream.of(
                                "/atom.xml",
                                "/rss.xml",
                                "/feed.json",
                                "/tags/java/atom.xml",
                                "/tags/java/rss.xml",
                                "/tags/java/feed.json",
                                "/feed",
                                "/index.xml")
                        .map(p -> http.baseUrl() + p)
                        .toList();

        var result = dev.homeweb.testing.CheckFeeds.check(urls);

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void headAnswersWithThePageHeadersAndLengthButNoBody() {
        var get = http.get("/blog/hello");

        var head = http.head("/blog/hello");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-length"))
                .contains(
                        Integer.toString(
                                get.body()
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                                        .length));
        for (var name : new String[] {"etag", "last-modified", "content-type", "vary"}) {
            assertThat(head.headers().firstValue(name))
                    .as(name)
                    .isEqualTo(get.headers().firstValue(name));
        }
        assertThat(head.headers().firstValue("content-security-policy")).isPresent();
    }

    @Test
    void headOfAnUnknownPathIsA404WithTheLengthOfTheNotFoundPage() {
        var get = http.get("/nope");

        var head = http.head("/nope");

        assertThat(head.statusCode()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-length"))
                .isEqualTo(get.headers().firstValue("content-length"));
    }

    @Test
    void headWithAMatchingEtagIsNotModified() {
        var etag = http.get("/").headers().firstValue("etag").orElseThrow();

        assertThat(http.head("/", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void notModifiedCarriesTheValidatorsAndNoBody() {
        var etag = http.get("/atom.xml").headers().firstValue("etag").orElseThrow();

        var response =
                http.get(
                        "/atom.xml",
                        "If-None-Match",
                        "\"other\", " + etag,
                        "Accept-Encoding",
                        "gzip");

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("etag")).contains(etag);
        assertThat(response.headers().firstValue("vary")).contains("Accept-Encoding");
        assertThat(response.headers().firstValue("content-encoding")).isEmpty();
    }

    @Test
    void notModifiedLeavesOutTheTypeAndTheSecurityHeadersTheStoredResponseKeeps() {
        var first = http.get("/blog/hello");
        var etag = first.headers().firstValue("etag").orElseThrow();

        var response = http.get("/blog/hello", "If-None-Match", etag);

        assertThat(first.headers().firstValue("content-security-policy")).isPresent();
        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.headers().firstValue("cache-control")).contains("no-cache");
        assertThat(response.headers().firstValue("last-modified"))
                .isEqualTo(first.headers().firstValue("last-modified"));
        assertThat(response.headers().map().keySet())
                .doesNotContain(
                        "content-type",
                        "content-security-policy",
                        "x-content-type-options",
                        "referrer-policy",
                        "x-frame-options");
    }

    @Test
    void pagesAndFeedsCarryAContentLengthAndAreNeverChunked() {
        for (var path : new String[] {"/", "/blog/hello", "/atom.xml", "/feed.json", "/nope"}) {
            var response = http.get(path);
            assertThat(response.headers().firstValue("content-length"))
                    .as(path)
                    .contains(
                            Integer.toString(
                                    response.body()
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                                            .length));
            assertThat(response.headers().firstValue("transfer-encoding")).as(path).isEmpty();
        }
    }

    @Test
    void clientsThatDoNotAskForGzipGetThePlainBodyAndTheVaryHeader() {
        var response = http.get("/blog/hello");

        assertThat(response.headers().firstValue("content-encoding")).isEmpty();
        assertThat(response.headers().firstValue("vary")).contains("Accept-Encoding");
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void aTrailingSlashServesTheSamePage() {
        assertThat(http.get("/blog/hello/").body()).isEqualTo(http.get("/blog/hello").body());
        assertThat(http.get("/tags/ops/").statusCode()).isEqualTo(200);
    }

    @Test
    void dynamicRoutesAndOtherMethodsStillReachJavalin() {
        assertThat(http.get("/search/?q=rollback").body()).contains("1 post matches");
        assertThat(http.get("/healthz/").statusCode()).isEqualTo(200);
        var post = http.send("POST", "/blog/hello");
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.body()).contains("Page not found");
        assertThat(post.headers().firstValue("x-frame-options")).contains("DENY");
    }
}
