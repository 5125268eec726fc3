package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeweb.App;
import dev.homeweb.testing.ContentApp;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class DraftPreviewsIT {
    private static final String DRAFT =
            "---\ntitle: Draft thoughts\ndate: 2026-05-02\ntags: [launch, unreleased]\n"
                    + "draft: true\n---\nThe unannounced plan.\n";

    private static final String BASE_URL = "https://blog.example.org";

    /** Every public place a post can show up, with searches for the draft's words. */
    private static final List<String> PUBLIC =
            Stream.concat(
                            ScheduledPostsIT.OUTPUTS.stream().filter(p -> !p.contains("embargoed")),
                            Stream.of("/search?q=unannounced", "/search?q=draft"))
                    .toList();

    @Test
    void aDraftIsServedOnlyAtItsPreviewAddressPrivatelyAndRedirectsThereOncePublished(
            TestDatabase db, @TempDir Path dir) {
        var content = withCurrentPost(db, dir);
        content.post("draft.md", DRAFT);
        var app = app(db, dir, content);
        var imported = app.importContent();
        assertThat(imported.previews()).hasSize(1);
        var preview = imported.previews().get(0);
        assertThat(preview.sourcePath()).isEqualTo("draft.md");
        var url = preview.url();
        assertThat(url).matches("https://blog\\.example\\.org/preview/[A-Za-z0-9_-]{22}");
        var path = url.substring(BASE_URL.length());
        // A second import finds nothing to do, and still names the same address.
        assertThat(app.importContent().previews()).containsExactly(preview);

        try (var server = app.serve()) {
            var http = Http.onPort(server.port());
            var draft = http.get(path);
            assertThat(draft.statusCode()).isEqualTo(200);
            assertThat(draft.body())
                    .contains("Draft thoughts", "The unannounced plan.")
                    .contains("<meta name=\"robots\" content=\"noindex\">")
                    .contains("class=\"draft-notice\"")
                    .doesNotContain("rel=\"canonical\"");
            assertThat(draft.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
            assertThat(draft.headers().firstValue("Cache-Control")).hasValue("private, no-store");

            for (var publicPath : PUBLIC) {
                var response = http.get(publicPath);
                assertThat(response.statusCode()).as(publicPath).isEqualTo(200);
                assertThat(response.body())
                        .as(publicPath)
                        .doesNotContain("Draft thoughts")
                        .doesNotContain("unannounced plan")
                        .doesNotContain(path)
                        .contains(
                                publicPath.startsWith("/search")
                                        ? "No posts match"
                                        : "/blog/current");
            }
            assertThat(http.get("/blog/draft").statusCode()).isEqualTo(404);
            assertThat(http.get("/tags/unreleased").statusCode()).isEqualTo(404);
            var otherToken = path.substring(0, path.length() - 2) + "xx";
            assertThat(http.get(otherToken).statusCode()).isEqualTo(404);

            content.post("draft.md", DRAFT.replace("draft: true\n", ""));
            assertThat(app.importContent().previews()).isEmpty();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> http.get("/blog/draft").statusCode() == 200);
            var moved = http.get(path);
            assertThat(moved.statusCode()).isEqualTo(301);
            assertThat(moved.headers().firstValue("Location")).hasValue("/blog/draft");
        }
    }

    @Test
    void aDeployedServerHasNoReloadScriptNorEventStreamAndKeepsItsPolicy(
            TestDatabase db, @TempDir Path dir) {
        var content = withCurrentPost(db, dir);
        var app = app(db, dir, content);
        app.importContent();
        try (var server = app.serve()) {
            var http = Http.onPort(server.port());
            var page = http.get("/blog/current");
            assertThat(page.body()).contains("Current post").doesNotContain("<script");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).doesNotContain("script-src");
            assertThat(http.get("/_live/events", "Accept", "text/event-stream").statusCode())
                    .isEqualTo(404);
            assertThat(http.get("/_live/reload.js").statusCode()).isEqualTo(404);
        }
    }

    /** A migrated database, and a content folder with one published post tagged launch. */
    private static ContentDir withCurrentPost(TestDatabase db, Path dir) {
        db.migrate();
        var content = new ContentDir(dir.resolve("content"));
        content.post("current.md", "Current post", "2026-05-01", "tags: [launch]\n");
        return content;
    }

    private static App app(TestDatabase db, Path dir, ContentDir content) {
        return ContentApp.of(db, dir, content, Map.of("base-url", BASE_URL), new StringWriter());
    }
}
