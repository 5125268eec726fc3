package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.App;
import dev.homeweb.config.AppConfig;
import dev.homeweb.content.ContentImporter;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.MutableClock;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class ScheduledPostsIT {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** Every place a post can show up, and the text that shows it there. */
    static final List<String> OUTPUTS =
            List.of(
                    "/blog/embargoed",
                    "/",
                    "/tags/launch",
                    "/atom.xml",
                    "/rss.xml",
                    "/feed.json",
                    "/tags/launch/atom.xml",
                    "/sitemap.xml",
                    "/search?q=embargoed");

    @Test
    void aFuturePostAppearsEverywhereAtItsTimeAndNowhereBeforeWhileDraftsNeverDo(
            TestDatabase db, @TempDir Path dir) {
        db.migrate();
        var content = new ContentDir(dir.resolve("content"));
        content.post("current.md", "Current post", "2026-05-01", "tags: [launch]\n");
        content.post(
                "embargoed.md",
                "---\ntitle: Embargoed news\ndate: 2026-06-01T13:00:00Z\ntags: [launch]\n---\nThe embargoed announcement.\n");
        content.post(
                "draft.md",
                "---\ntitle: Draft thoughts\ndate: 2026-05-02\ntags: [launch]\ndraft: true\n---\nembargoed draft\n");
        new ContentImporter(db.dsl(), new ContentReader(), new MarkdownRenderer())
                .importFrom(content.root());
        var clock = new MutableClock(NOW);
        var options = Map.of("database-url-file", db.writeUrlFile(dir).toString(), "port", "0");
        try (var server =
                new App(
                                AppConfig.from(options, Map.of()),
                                new PrintWriter(new StringWriter()),
                                clock,
                                Optional.empty())
                        .serve()) {
            var http = Http.onPort(server.port());

            for (var path : OUTPUTS) {
                var response = http.get(path);
                // The page itself, not an error page that happens to lack the text.
                assertThat(response.statusCode())
                        .as("before: " + path)
                        .isEqualTo(path.equals("/blog/embargoed") ? 404 : 200);
                assertThat(response.body())
                        .as("before: " + path)
                        .contains(before(path))
                        .doesNotContain("Embargoed news")
                        .doesNotContain("Draft thoughts");
            }

            clock.advance(Duration.ofHours(2));

            for (var path : OUTPUTS) {
                var response = http.get(path);
                assertThat(response.statusCode()).as("after: " + path).isEqualTo(200);
                assertThat(response.body())
                        .as("after: " + path)
                        .contains(path.equals("/sitemap.xml") ? "/blog/embargoed" : "Embargoed")
                        .doesNotContain("Draft thoughts");
            }
            assertThat(http.get("/blog/draft").statusCode()).isEqualTo(404);
        }
    }

    /** What each output shows while only the current post is out. */
    private static String before(String path) {
        return switch (path) {
            case "/blog/embargoed" -> "Page not found";
            case "/sitemap.xml" -> "/blog/current";
            case "/search?q=embargoed" -> "No posts match <strong>embargoed</strong>";
            default -> "Current post";
        };
    }
}
