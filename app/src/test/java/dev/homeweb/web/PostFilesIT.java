package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeweb.App;
import dev.homeweb.content.ContentImporter;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.PostFolder;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import dev.homeweb.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A post folder with PNG, JPEG, SVG and PDF files, imported and served by a real server. */
@ExtendWith(PostgresExtension.class)
class PostFilesIT {
    private static final Pattern IMG = Pattern.compile("<img [^>]*>");

    @TempDir Path dir;
    ContentDir content;
    PostFolder folder;
    App.Server server;
    Http http;
    byte[] large;

    @BeforeEach
    void writeContent() {
        content = new ContentDir(dir.resolve("content"));
        large = new byte[700 * 1024];
        new Random(14).nextBytes(large);
        folder =
                PostFolder.in(content, "pictures")
                        .text(
                                "title: Pictures\ndate: 2026-01-01\n",
                                """
                                ![A wide chart](wide.png)

                                ![A photo of a dot](photo.jpg "Dot")

                                ![A diagram](diagram.svg)

                                ![](<rule é.png> "")

                                Read [the paper](paper.pdf#page=2) or [the data](data.bin).
                                """)
                        .image("wide.png", "png", 1600, 400)
                        .image("photo.jpg", "jpeg", 300, 200)
                        .image("rule é.png", "png", 40, 4)
                        .file(
                                "diagram.svg",
                                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 80\">"
                                        + "<rect width=\"120\" height=\"80\"/></svg>")
                        .file("paper.pdf", "%PDF-1.4\n%%EOF\n")
                        .file("data.bin", large);
        var site = new PostFolder(content.root().resolve("static"));
        site.file(".well-known/security.txt", "Contact: mailto:me@example.org\n");
    }

    void start(TestDatabase db) {
        db.migrate();
        importContent(db);
        var options =
                new HashMap<>(
                        Map.of(
                                "database-url-file",
                                db.writeUrlFile(dir).toString(),
                                "port",
                                "0",
                                "content",
                                content.root().toString(),
                                "base-url",
                                "https://blog.example.org"));
        server = TestServer.serve(options);
        http = Http.onPort(server.port());
    }

    static void importContent(TestDatabase db, Path root) {
        new ContentImporter(db.dsl(), new ContentReader(), new MarkdownRenderer()).importFrom(root);
    }

    void importContent(TestDatabase db) {
        importContent(db, content.root());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String img(String page, String alt) {
        return IMG.matcher(page)
                .results()
                .map(m -> m.group())
                .filter(tag -> tag.contains("alt=\"" + alt + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no <img alt=\"" + alt + "\"> in " + page));
    }

    private static String attribute(String tag, String name) {
        var m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void imagesHaveTheirSizeAltAndHashedAddresses(TestDatabase db) {
        start(db);
        var page = http.get("/blog/pictures").body();

        var wide = img(page, "A wide chart");
        assertThat(attribute(wide, "src")).matches("/files/[0-9a-f]{16}/wide\\.png");
        assertThat(attribute(wide, "width")).isEqualTo("1600");
        assertThat(attribute(wide, "height")).isEqualTo("400");
        assertThat(attribute(wide, "loading")).as("the first image loads at once").isNull();
        assertThat(attribute(wide, "srcset"))
                .matches(
                        "/files/[0-9a-f]{16}/wide-672w\\.png 672w, /files/[0-9a-f]{16}/wide-1344w\\.png"
                                + " 1344w, /files/[0-9a-f]{16}/wide\\.png 1600w");
        assertThat(attribute(wide, "sizes")).isEqualTo("(max-width: 672px) 100vw, 672px");

        var photo = img(page, "A photo of a dot");
        assertThat(attribute(photo, "src")).matches("/files/[0-9a-f]{16}/photo\\.jpg");
        assertThat(attribute(photo, "width")).isEqualTo("300");
        assertThat(attribute(photo, "height")).isEqualTo("200");
        assertThat(attribute(photo, "loading")).isEqualTo("lazy");
        assertThat(attribute(photo, "srcset")).as("no wider than the column").isNull();

        var svg = img(page, "A diagram");
        assertThat(attribute(svg, "src")).matches("/files/[0-9a-f]{16}/diagram\\.svg");
        assertThat(attribute(svg, "width")).isEqualTo("120");
        assertThat(attribute(svg, "height")).isEqualTo("80");

        var rule = img(page, "");
        assertThat(attribute(rule, "src")).matches("/files/[0-9a-f]{16}/rule%20%C3%A9\\.png");
        assertThat(attribute(rule, "title")).as("decorative: no empty title").isNull();
        assertThat(page).containsPattern("href=\"/files/[0-9a-f]{16}/paper\\.pdf#page=2\"");
    }

    @Test
    void filesAreServedImmutableWithTheirTypeAndRevalidate(TestDatabase db) throws Exception {
        start(db);
        var page = http.get("/blog/pictures").body();
        for (var alt : new String[] {"A wide chart", "A photo of a dot", "A diagram", ""}) {
            var src = attribute(img(page, alt), "src");
            var file = http.bytes(src);
            assertThat(file.statusCode()).as(src).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control"))
                    .hasValue("public, max-age=31536000, immutable");
            assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            var etag = file.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).as("strong").doesNotStartWith("W/").startsWith("\"");
            assertThat(http.get(src, "If-None-Match", etag).statusCode()).isEqualTo(304);
        }
        var png = http.bytes(attribute(img(page, "A wide chart"), "src"));
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).isEqualTo(Files.readAllBytes(folder.path("wide.png")));
        assertThat(
                        http.bytes(attribute(img(page, "A photo of a dot"), "src"))
                                .headers()
                                .firstValue("Content-Type"))
                .hasValue("image/jpeg");
        assertThat(
                        http.bytes(attribute(img(page, "A diagram"), "src"))
                                .headers()
                                .firstValue("Content-Type"))
                .hasValue("image/svg+xml");

        var pdf = Pattern.compile("href=\"(/files/[0-9a-f]{16}/paper\\.pdf)").matcher(page);
        assertThat(pdf.find()).isTrue();
        assertThat(http.bytes(pdf.group(1)).headers().firstValue("Content-Type"))
                .hasValue("application/pdf");

        // Larger than a chunk: streamed from the database, byte for byte.
        var data = Pattern.compile("href=\"(/files/[0-9a-f]{16}/data\\.bin)").matcher(page);
        assertThat(data.find()).isTrue();
        var streamed = http.bytes(data.group(1));
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body()).isEqualTo(large);
        var etag = streamed.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get(data.group(1), "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void theFeedAndTheHeadUseAbsoluteImageAddresses(TestDatabase db) {
        start(db);
        var feed = http.get("/feed.xml").body();
        assertThat(feed)
                .containsPattern("src=\"https://blog.example.org/files/[0-9a-f]{16}/wide\\.png\"")
                .containsPattern(
                        "srcset=\"https://blog.example.org/files/[0-9a-f]{16}/wide-672w\\.png 672w,");
        var page = http.get("/blog/pictures").body();
        assertThat(page)
                .containsPattern(
                        "<meta property=\"og:image\""
                                + " content=\"https://blog.example.org/files/[0-9a-f]{16}/wide\\.png\">")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">");
    }

    @Test
    void siteWideFilesAreServedAtTheirNamesAndRevalidated(TestDatabase db) {
        start(db);
        var txt = http.get("/.well-known/security.txt");
        assertThat(txt.statusCode()).isEqualTo(200);
        assertThat(txt.body()).isEqualTo("Contact: mailto:me@example.org\n");
        assertThat(txt.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(txt.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
    }

    @Test
    void aNewFileIsServedAfterAnImportWithoutRestart(TestDatabase db) {
        start(db);
        folder.image("later.png", "png", 20, 20)
                .text(
                        "title: Pictures\ndate: 2026-01-01\nimage: later.png\n",
                        "![A later picture](later.png)\n");
        new PostFolder(content.root().resolve("static")).file("humans.txt", "Me\n");

        importContent(db);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(http.get("/humans.txt").statusCode()).isEqualTo(200));
        var page = http.get("/blog/pictures").body();
        var src = attribute(img(page, "A later picture"), "src");
        assertThat(http.bytes(src).statusCode()).isEqualTo(200);
        assertThat(page).contains("content=\"https://blog.example.org" + src + "\"");
    }

    @Test
    void anImageKeyWithAnAbsoluteAddressIsTakenAsItIs(TestDatabase db) {
        folder.text(
                "title: Pictures\ndate: 2026-01-01\nimage: https://cdn.example.org/cover.png\n",
                "![A photo of a dot](photo.jpg)\n");
        start(db);

        assertThat(http.get("/blog/pictures").body())
                .contains(
                        "<meta property=\"og:image\" content=\"https://cdn.example.org/cover.png\">");
    }
}
