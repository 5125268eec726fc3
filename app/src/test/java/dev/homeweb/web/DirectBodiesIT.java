package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.App;
import dev.homeweb.content.ContentImporter;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import dev.homeweb.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page asked for often is answered from its off-heap copy (see {@link DirectBodies}): every
 * answer from there has the very status, headers and bytes of the answers before it, from the heap.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectBodiesIT {
    /** Well past the copy, so answers from both the heap and the direct copy are compared. */
    static final int REQUESTS = DirectBodies.HITS_BEFORE_COPY * 2;

    static final List<String> PATHS =
            List.of(
                    "/",
                    "/blog/first",
                    "/tags/java",
                    "/atom.xml",
                    "/rss.xml",
                    "/feed.json",
                    "/tags/java/atom.xml",
                    "/sitemap.xml",
                    "/robots.txt");

    private App.Server server;
    private Http http;

    @BeforeAll
    void start(TestDatabase db, @TempDir Path dir) {
        var content = new ContentDir(dir.resolve("content"));
        db.migrate();
        var body = "A paragraph long enough to be worth compressing. ".repeat(40);
        content.post("first.md", "First", "2026-01-01", "tags: [Java]\n");
        content.post(
                "second.md",
                "---\ntitle: Second\ndate: 2026-01-02\ntags: [java]\n---\n" + body + "\n");
        new ContentImporter(db.dsl(), new ContentReader(), new MarkdownRenderer())
                .importFrom(content.root());
        server =
                TestServer.serve(
                        Map.of(
                                "database-url-file", db.writeUrlFile(dir).toString(),
                                "port", "0",
                                "site-title", "Test blog"));
        http = Http.onPort(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void plainAnswersFromTheDirectCopyEqualTheFirstAnswer() {
        for (var path : PATHS) {
            assertEveryAnswerIsTheFirst(path);
        }
    }

    @Test
    void gzippedAnswersFromTheDirectCopyEqualTheFirstAnswer() {
        for (var path : PATHS) {
            assertEveryAnswerIsTheFirst(path, "Accept-Encoding", "gzip");
        }
        assertThat(http.bytes("/atom.xml", "Accept-Encoding", "gzip").headers().map())
                .containsEntry("content-encoding", List.of("gzip"));
    }

    @Test
    void headAndNotModifiedStayTheSameOnceTheBodyIsCopied() {
        for (var path : PATHS) {
            var first = http.bytes(path);
            var etag = first.headers().firstValue("etag").orElseThrow();
            for (int i = 0; i < REQUESTS; i++) {
                http.bytes(path);
            }
            var head = http.head(path);
            assertThat(head.body()).as(path).isEmpty();
            assertThat(headersOf(head)).as(path).isEqualTo(headersOf(first));
            var notModified = http.bytes(path, "If-None-Match", etag);
            assertThat(notModified.statusCode()).as(path).isEqualTo(304);
            assertThat(notModified.body()).as(path).isEmpty();
            assertThat(notModified.headers().firstValue("etag")).as(path).contains(etag);
        }
    }

    private void assertEveryAnswerIsTheFirst(String path, String... headers) {
        var first = http.bytes(path, headers);
        assertThat(first.statusCode()).as(path).isEqualTo(200);
        for (int i = 0; i < REQUESTS; i++) {
            var again = http.bytes(path, headers);
            assertThat(again.statusCode()).as(path + " #" + i).isEqualTo(200);
            assertThat(headersOf(again)).as(path + " #" + i).isEqualTo(headersOf(first));
            assertThat(again.body()).as(path + " #" + i).isEqualTo(first.body());
        }
    }

    /** Every header but Date, which changes by the second. */
    private static Map<String, List<String>> headersOf(HttpResponse<?> response) {
        var headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }
}
