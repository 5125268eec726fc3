package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeweb.App;
import dev.homeweb.config.AppConfig;
import dev.homeweb.config.DatabaseUrl;
import dev.homeweb.content.ContentImporter;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.db.Database;
import dev.homeweb.db.Migrations;
import dev.homeweb.internal.Sha256;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.PostFolder;
import dev.homeweb.testing.StoppablePostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
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
 * A server started while PostgreSQL is down serves the images and files of its saved pages, from
 * the copies it kept in its state directory, byte for byte and with the headers the database would
 * give; back on the database, it serves them from there again and keeps only what is imported.
 */
class FilesWithoutDatabaseIT {
    private static final Pattern FILE = Pattern.compile("/files/[0-9a-f]{16}/[^\"# ]+");

    @TempDir Path dir;
    ContentDir content;
    PostFolder folder;
    App.Server server;
    byte[] large;

    @BeforeEach
    void writeContent() {
        content = new ContentDir(dir.resolve("content"));
        // Larger than what the server keeps in memory: streamed, from the database or the disk.
        large = new byte[400 * 1024];
        new Random(12).nextBytes(large);
        folder =
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
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void imagesAndFilesOfTheSavedPagesAreServedWhileTheDatabaseIsDown() throws Exception {
        try (var postgres = new StoppablePostgres(dir.resolve("pg"))) {
            importContent(postgres.url());
            server = app(postgres.url()).serve();
            var page = Http.onPort(server.port()).get("/blog/pictures").body();
            var paths = files(page);
            assertThat(paths)
                    .as("the image, its smaller copies for srcset, the other file")
                    .hasSizeGreaterThanOrEqualTo(4);
            var live = fetch(Http.onPort(server.port()), paths);
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
            assertThat(fetch(http, paths)).isEqualTo(live);
            var png = http.bytes(paths.get(0));
            assertThat(png.body()).isEqualTo(Files.readAllBytes(folder.path("wide.png")));
            var etag = png.headers().firstValue("ETag").orElseThrow();
            assertThat(http.get(paths.get(0), "If-None-Match", etag).statusCode()).isEqualTo(304);

            postgres.start();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(http.get("/healthz").body()).contains("\"ok\""));
            assertThat(fetch(http, paths)).isEqualTo(live);
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
                new PrintWriter(new StringWriter()),
                Clock.systemUTC(),
                Optional.of("r-test"));
    }

    private void importContent(DatabaseUrl url) {
        try (var database = new Database(url, 2)) {
            new Migrations(database.dataSource()).migrate();
            new ContentImporter(database.dsl(), new ContentReader(), new MarkdownRenderer())
                    .importFrom(content.root());
        }
    }

    /** The file addresses a page links to, and the site-wide file. */
    private static List<String> files(String page) {
        var paths =
                new ArrayList<>(
                        FILE.matcher(page).results().map(m -> m.group()).distinct().toList());
        paths.add("/.well-known/security.txt");
        return paths;
    }

    /** Status, type, caching, ETag and SHA-256 of the body of each path. */
    private static Map<String, List<String>> fetch(Http http, List<String> paths) {
        var seen = new LinkedHashMap<String, List<String>>();
        for (var path : paths) {
            var response = http.bytes(path);
            seen.put(
                    path,
                    List.of(
                            "" + response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(""),
                            response.headers().firstValue("Cache-Control").orElse(""),
                            response.headers().firstValue("ETag").orElse(""),
                            Sha256.hex(response.body())));
        }
        return seen;
    }
}
