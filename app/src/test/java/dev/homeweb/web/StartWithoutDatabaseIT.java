package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeweb.App;
import dev.homeweb.config.AppConfig;
import dev.homeweb.config.DatabaseUrl;
import dev.homeweb.content.ContentImporter;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.db.ConnectionFailed;
import dev.homeweb.db.Database;
import dev.homeweb.db.Migrations;
import dev.homeweb.internal.Sha256;
import dev.homeweb.posts.Post;
import dev.homeweb.site.SnapshotFile;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.PostFolder;
import dev.homeweb.testing.StoppablePostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started while PostgreSQL is down serves the posts it saved in its state directory, and
 * the images and files they link to from the copies kept there, and catches up by itself when the
 * database returns. PostgreSQL here is a server of the test's own, stopped and started again: the
 * shared one other tests use is never touched.
 */
class StartWithoutDatabaseIT {
    /** Every kind of document the snapshot serves: lists, posts, tags, feeds, sitemap, 404. */
    static final List<String> PATHS =
            List.of(
                    "/",
                    "/blog/hello",
                    "/blog/gruesse",
                    "/tags/java",
                    "/tags/ops",
                    "/atom.xml",
                    "/rss.xml",
                    "/feed.json",
                    "/sitemap.xml",
                    "/robots.txt",
                    "/no-such-page");

    private static final Pattern FILE = Pattern.compile("/files/[0-9a-f]{16}/[^\"# ]+");

    @TempDir Path dir;
    ContentDir content;
    App.Server server;
    final StringWriter out = new StringWriter();

    @BeforeEach
    void writeContent() {
        content = new ContentDir(dir.resolve("content"));
        content.post("hello.md", "Hello world", "2026-01-01", "tags: [Java]\nsummary: First.\n");
        content.post("gruesse.md", "Grüße aus Köln", "2026-01-02", "tags: [java, ops]\n");
        content.post("draft.md", "Secret draft", "2026-01-03", "draft: true\n");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    App app(DatabaseUrl url) throws IOException {
        var urlFile = Files.writeString(dir.resolve("url"), url.jdbcUrl() + "?user=postgres");
        var options =
                Map.of(
                        "database-url-file", urlFile.toString(),
                        "port", "0",
                        "content", content.root().toString(),
                        "state-dir", dir.resolve("state").toString());
        return new App(
                AppConfig.from(options, Map.of()),
                new PrintWriter(out),
                Clock.systemUTC(),
                Optional.of("r-test"));
    }

    @Test
    void servesTheLastPublishedPagesByteForByteAndCatchesUpWithoutARestart() throws Exception {
        try (var postgres = new StoppablePostgres(dir.resolve("pg"))) {
            importContent(postgres.url());
            server = app(postgres.url()).serve();
            var live = documents(Http.onPort(server.port()), PATHS);
            server.close();
            server = null;
            var saved = Files.readString(dir.resolve("state").resolve("site-snapshot"));
            assertThat(saved).contains("Grüße aus Köln").doesNotContain("Secret draft");
            assertThat(saved).doesNotContain("jdbc:", "127.0.0.1", "" + postgres.port());

            postgres.stop();
            server = app(postgres.url()).serve();
            var http = Http.onPort(server.port());

            assertThat(documents(http, PATHS)).isEqualTo(live);
            var health = http.get("/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body())
                    .contains(
                            "\"status\":\"degraded\"",
                            "\"reason\":\"started without the database; serving the site snapshot"
                                    + " saved at ",
                            "\"database\":\"down\"")
                    .doesNotContain("127.0.0.1");
            assertThat(http.get("/search?q=hello").statusCode()).isEqualTo(503);
            assertThat(server.databaseDescription())
                    .startsWith("the site snapshot " + dir.resolve("state/site-snapshot"))
                    .contains("the database cannot be reached (Connection to 127.0.0.1:");

            postgres.start();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(http.get("/healthz").body()).contains("\"ok\""));
            assertThat(http.get("/search?q=hello").statusCode()).isEqualTo(200);
            content.post("fresh.md", "Fresh post", "2026-01-05", "");
            importContent(postgres.url());
            await().atMost(Duration.ofSeconds(20))
                    .alias("listening for imports again")
                    .untilAsserted(
                            () -> assertThat(http.get("/blog/fresh").statusCode()).isEqualTo(200));
        }
    }

    @Test
    void imagesAndFilesOfTheSavedPagesAreServedWhileTheDatabaseIsDown() throws Exception {
        // Larger than what the server keeps in memory: streamed, from the database or the disk.
        var large = new byte[400 * 1024];
        new Random(12).nextBytes(large);
        var folder =
                PostFolder.in(content, "pictures")
                        .text(
                                "title: Pictures\ndate: 2026-01-01\n",
                                """
                                ![A wide chart](wide.png)

                                ![A photo](photo.jpg)

                                Read [the data](data.bin).
                                """)
                        .image("wide.png", "png", 1600, 400)
                        .image("photo.jpg", "jpeg", 300, 200)
                        .file("data.bin", large);
        new PostFolder(content.root().resolve("static"))
                .file(".well-known/security.txt", "Contact: mailto:me@example.org\n");
        try (var postgres = new StoppablePostgres(dir.resolve("pg"))) {
            importContent(postgres.url());
            server = app(postgres.url()).serve();
            var page = Http.onPort(server.port()).get("/blog/pictures").body();
            var paths = files(page);
            assertThat(paths)
                    .as("the image, its smaller copies for srcset, the other file")
                    .hasSizeGreaterThanOrEqualTo(4);
            var live = documents(Http.onPort(server.port()), paths);
            server.close();
            server = null;
            var saved = dir.resolve("state/files");
            try (var kept = Files.list(saved)) {
                for (var file : kept.toList()) {
                    assertThat(Files.getPosixFilePermissions(file))
                            .as(file.toString())
                            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                }
            }

            postgres.stop();
            server = app(postgres.url()).serve();
            var http = Http.onPort(server.port());

            assertThat(http.get("/healthz").body()).contains("\"status\":\"degraded\"");
            assertThat(http.get("/blog/pictures").body()).isEqualTo(page);
            assertThat(documents(http, paths)).isEqualTo(live);
            var png = http.bytes(paths.get(0));
            assertThat(png.body()).isEqualTo(Files.readAllBytes(folder.path("wide.png")));
            var etag = png.headers().firstValue("ETag").orElseThrow();
            assertThat(http.get(paths.get(0), "If-None-Match", etag).statusCode()).isEqualTo(304);

            postgres.start();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(http.get("/healthz").body()).contains("\"ok\""));
            assertThat(documents(http, paths)).isEqualTo(live);
            folder.text(
                    "title: Pictures\ndate: 2026-01-01\n",
                    "![A wide chart](wide.png)\n\n![A photo](photo.jpg)\n");
            Files.delete(folder.path("data.bin"));
            importContent(postgres.url());
            var data = paths.stream().filter(p -> p.endsWith("/data.bin")).findFirst();
            await().atMost(Duration.ofSeconds(20))
                    .alias("the removed file is gone from the site and from the saved copies")
                    .untilAsserted(
                            () -> {
                                assertThat(http.get(data.orElseThrow()).statusCode())
                                        .isEqualTo(404);
                                assertThat(Files.readString(saved.resolve("index")))
                                        .doesNotContain("/data.bin");
                            });
            try (var kept = Files.list(saved)) {
                assertThat(kept.map(p -> p.getFileName().toString()))
                        .as("its bytes removed too")
                        .doesNotContain(Sha256.hex(large));
            }
        }
    }

    @Test
    void ignoresADamagedSnapshotSayingSoAndFailsAsWithoutOne() throws Exception {
        var file = new SnapshotFile(dir.resolve("state"));
        var post =
                new Post(
                        "only",
                        "Only post",
                        Optional.empty(),
                        Instant.EPOCH,
                        Optional.empty(),
                        List.of(),
                        "<p>Only</p>",
                        1,
                        List.of());
        file.save(List.of(post), Instant.EPOCH);
        var damaged = Files.readString(file.path()).replace("Only", "0nly");
        Files.writeString(file.path(), damaged);
        var app = app(unreachable());

        var log =
                capturingStandardError(
                        () -> assertThatThrownBy(app::serve).isInstanceOf(ConnectionFailed.class));

        assertThat(log)
                .contains(
                        "ignoring the site snapshot "
                                + file.path()
                                + ": it is damaged: its content has SHA-256 ");
    }

    @Test
    void failsAsBeforeWithNeitherDatabaseNorSnapshot() throws Exception {
        var app = app(unreachable());

        assertThatThrownBy(app::serve)
                .isInstanceOf(ConnectionFailed.class)
                .hasMessageContaining("cannot connect to");
    }

    private void importContent(DatabaseUrl url) {
        try (var database = new Database(url, 2)) {
            new Migrations(database.dataSource()).migrate();
            new ContentImporter(database.dsl(), new ContentReader(), new MarkdownRenderer())
                    .importFrom(content.root());
        }
    }

    /**
     * Status, ETag, type, caching and SHA-256 of the body of each path: equal means equal bytes.
     */
    private static Map<String, List<String>> documents(Http http, List<String> paths) {
        var documents = new LinkedHashMap<String, List<String>>();
        for (var path : paths) {
            var response = http.bytes(path);
            documents.put(
                    path,
                    List.of(
                            "" + response.statusCode(),
                            response.headers().firstValue("ETag").orElse(""),
                            response.headers().firstValue("Content-Type").orElse(""),
                            response.headers().firstValue("Cache-Control").orElse(""),
                            Sha256.hex(response.body())));
        }
        return documents;
    }

    /** A URL whose port nobody listens on. */
    private static DatabaseUrl unreachable() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new DatabaseUrl(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
    }

    /** What the logger writes to standard error while {@code body} runs. */
    private static String capturingStandardError(Runnable body) {
        var original = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The file addresses a page links to, and the site-wide file. */
    private static List<String> files(String page) {
        var paths =
                new ArrayList<>(
                        FILE.matcher(page).results().map(m -> m.group()).distinct().toList());
        paths.add("/.well-known/security.txt");
        return paths;
    }
}
