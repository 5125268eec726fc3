package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeweb.App;
import dev.homeweb.config.AppConfig;
import dev.homeweb.content.ContentImporter;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.db.PendingMigrations;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.StoppablePostgres;
import dev.homeweb.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class ServerIT {
    @TempDir Path dir;
    ContentDir content;
    App.Server server;
    Http http;

    @BeforeEach
    void writeContent() {
        content = new ContentDir(dir.resolve("content"));
        content.post(
                "hello.md", "Hello world", "2026-01-01", "tags: [Java]\nsummary: The first one.\n");
        content.post("second.md", "Second post", "2026-01-02", "tags: [java, ops]\n");
        content.post("secret.md", "Secret draft", "2026-01-03", "draft: true\n");
    }

    App app(Path urlFile, Map<String, String> more) {
        return app(urlFile, more, "r-test");
    }

    /** The app as started from release {@code releaseId} ({@code HOME_WEB_RELEASE_ID}). */
    App app(Path urlFile, Map<String, String> more, String releaseId) {
        var options =
                new java.util.HashMap<>(
                        Map.of(
                                "database-url-file",
                                urlFile.toString(),
                                "port",
                                "0",
                                "content",
                                content.root().toString()));
        options.putAll(more);
        return new App(
                AppConfig.from(options, Map.of()),
                new PrintWriter(new StringWriter()),
                Clock.systemUTC(),
                Optional.of(releaseId));
    }

    void startOn(TestDatabase db, Map<String, String> more) {
        db.migrate();
        new ContentImporter(db.dsl(), new ContentReader(), new MarkdownRenderer())
                .importFrom(content.root());
        server = app(db.writeUrlFile(dir), more).serve();
        http = Http.onPort(server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthzNamesTheContentEachImportAnnouncesWhileTheReleaseStaysTheRunningOne(
            TestDatabase db) {
        startOn(db, Map.of());
        assertThat(http.get("/healthz").body())
                .contains("\"release\":\"r-test\"", "\"content\":\"r-test\"");
        content.post("fresh.md", "Fresh post", "2026-01-05", "");
        var urlFile = db.writeUrlFile(dir);

        app(urlFile, Map.of(), "r-content").importContent();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(http.get("/healthz").body())
                                        .contains("\"content\":\"r-content\""));
        assertThat(http.get("/healthz").body()).contains("\"release\":\"r-test\"");
        assertThat(http.get("/").body()).contains("Fresh post");

        // Content that changed no post (another release, the same posts) is announced too.
        app(urlFile, Map.of(), "r-same-posts").importContent();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(http.get("/healthz").body())
                                        .contains("\"content\":\"r-same-posts\""));
    }

    @Test
    void picksUpACommittedImportWithoutRestart(TestDatabase db) {
        startOn(db, Map.of());
        content.post("fresh.md", "Fresh post", "2026-01-05", "");

        new ContentImporter(db.dsl(), new ContentReader(), new MarkdownRenderer())
                .importFrom(content.root());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(http.get("/blog/fresh").statusCode()).isEqualTo(200));
        assertThat(http.get("/").body()).contains("Fresh post");
    }

    @Test
    void refusesToStartWhileMigrationsArePending(TestDatabase db) {
        var app = app(db.writeUrlFile(dir), Map.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(app::serve)
                .isInstanceOf(PendingMigrations.class)
                .hasMessageContaining("run 'home-web migrate'");
    }

    @Test
    void healthSaysDegradedWhileTheDatabaseIsDownAndOkWhenItIsBackWithoutRestart()
            throws Exception {
        try (var postgres = new StoppablePostgres(dir.resolve("pg"))) {
            serveFrom(postgres);
            assertThat(http.get("/healthz").body()).contains("\"status\":\"ok\"");

            postgres.stop();
            var down = http.get("/healthz");
            assertThat(down.statusCode())
                    .as("still serving pages: a load balancer keeps it")
                    .isEqualTo(200);
            assertThat(down.body())
                    .contains(
                            "\"status\":\"degraded\"",
                            "\"reason\":\"the database cannot be reached; serving the posts last"
                                    + " loaded from it\"",
                            "\"database\":\"down\"");
            assertThat(http.get("/").statusCode())
                    .as("pages still come from memory")
                    .isEqualTo(200);

            postgres.start();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    assertThat(http.get("/healthz").body())
                                            .contains("\"status\":\"ok\""));
        }
    }

    @Test
    void searchSaysItIsUnavailableWhileTheDatabaseIsDownAndKeepsTheQuery() throws Exception {
        try (var postgres = new StoppablePostgres(dir.resolve("pg"))) {
            serveFrom(postgres);
            assertThat(http.get("/search?q=second").body()).contains("1 post matches");

            postgres.stop();
            var down = http.get("/search?q=second+%3Cpost%3E");

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(down.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(down.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/html");
            assertThat(down.body())
                    .contains(
                            "<title>Search unavailable",
                            "Search is unavailable for a moment",
                            "value=\"second &lt;post&gt;\"");
            assertThat(http.head("/search?q=second").statusCode()).isEqualTo(503);
            for (var path : new String[] {"/blog/second", "/tags/ops", "/atom.xml", "/feed.json"}) {
                assertThat(http.get(path).statusCode())
                        .as("%s still comes from memory", path)
                        .isEqualTo(200);
            }

            postgres.start();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    assertThat(http.get("/search?q=second").body())
                                            .contains("1 post matches"));
        }
    }

    /** Serves from a PostgreSQL of the test's own, migrated and holding the content. */
    private void serveFrom(StoppablePostgres postgres) throws java.io.IOException {
        var url = postgres.url();
        try (var database = new dev.homeweb.db.Database(url, 2)) {
            new dev.homeweb.db.Migrations(database.dataSource()).migrate();
            new ContentImporter(database.dsl(), new ContentReader(), new MarkdownRenderer())
                    .importFrom(content.root());
        }
        var urlFile = Files.writeString(dir.resolve("url"), url.jdbcUrl() + "?user=postgres");
        server = app(urlFile, Map.of()).serve();
        http = Http.onPort(server.port());
    }
}
