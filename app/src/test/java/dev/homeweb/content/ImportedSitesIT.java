package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.App;
import dev.homeweb.cli.HomeWebCommand;
import dev.homeweb.config.AppConfig;
import dev.homeweb.testing.CliRun;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small Hugo, Jekyll and Zola sites in test resources, imported unchanged by {@code home-web
 * import} into a real PostgreSQL and served by a real server.
 */
@ExtendWith(PostgresExtension.class)
class ImportedSitesIT {
    private static final String IGNORED =
            "Ignored front-matter keys, used only by another tool's theme: ";

    @TempDir Path dir;

    CliRun importSite(TestDatabase db, Path content) {
        return CliRun.of(
                "import",
                "--database-url-file",
                db.writeUrlFile(dir).toString(),
                "--content",
                content.toString());
    }

    App.Server serve(TestDatabase db) {
        var options =
                Map.of(
                        "database-url-file", db.writeUrlFile(dir).toString(),
                        "port", "0",
                        "site-title", "Moved blog");
        return new App(
                        AppConfig.from(options, Map.of()),
                        new PrintWriter(new StringWriter()),
                        Clock.systemUTC(),
                        Optional.empty())
                .serve();
    }

    static OffsetDateTime utc(String instant) {
        return OffsetDateTime.parse(instant).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Test
    void aHugoSiteImportsUnchangedWithItsDatesSummariesTagsAndOldAddresses(TestDatabase db) {
        db.migrate();

        var run = importSite(db, ForeignFrontMatterTest.site("hugo/content"));

        assertThat(run.err()).isEmpty();
        // The Hugo draft gets its preview URL, whose token depends on this database's key.
        assertThat(run.out())
                .matches(
                        Pattern.quote(
                                        "Imported: 3 added, 0 updated, 0 removed, 0 unchanged\n"
                                                + IGNORED
                                                + "layout (1 post), params (1 post), type (1 post),"
                                                + " weight (1 post)\n")
                                + "Draft previews .*\n"
                                + "  preview of not-yet\\.md http://127\\.0\\.0\\.1:8080/preview/"
                                + "[A-Za-z0-9_-]{22}\n");
        var toml = db.dsl().selectFrom(POSTS).where(POSTS.SLUG.eq("toml-post")).fetchOne();
        assertThat(toml.getPublishedAt()).isEqualTo(utc("2024-01-15T17:00:00Z"));
        assertThat(toml.getUpdatedAt()).isEqualTo(utc("2024-01-20T08:00:00Z"));
        assertThat(toml.getSummary()).isEqualTo("A Hugo post with TOML front matter.");
        try (var server = serve(db)) {
            var http = Http.onPort(server.port());
            assertThat(server.postCount()).isEqualTo(2);
            assertThat(http.get("/blog/toml-post").body())
                    .contains(
                            "<h1 class=\"p-name\">Written in TOML</h1>",
                            "<time class=\"dt-updated\" datetime=\"2024-01-20T08:00:00Z\">",
                            "<p class=\"p-summary\">A Hugo post with TOML front matter.</p>",
                            "href=\"/tags/notes\"",
                            "href=\"/tags/c-plus-plus\"",
                            "href=\"/tags/hugo\"");
            assertThat(http.get("/blog/yaml-post").body())
                    .contains(
                            "<time class=\"dt-updated\" datetime=\"2024-01-11T00:00:00Z\">",
                            "href=\"/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E\" rel=\"tag\">日本語</a>");
            assertRedirect(http, "/old/toml-post/", "/blog/toml-post");
            assertRedirect(http, "/2024/01/yaml-post/", "/blog/yaml-post");
            assertThat(http.get("/blog/not-yet").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void cPlusPlusCAndATagInAnotherScriptAreThreeTagPages(TestDatabase db) {
        db.migrate();
        importSite(db, ForeignFrontMatterTest.site("hugo/content"));

        try (var server = serve(db)) {
            var http = Http.onPort(server.port());
            assertThat(http.get("/tags/c-plus-plus").body())
                    .contains("Written in TOML")
                    .doesNotContain("Written in YAML");
            assertThat(http.get("/tags/c").body())
                    .contains("Written in YAML")
                    .doesNotContain("Written in TOML");
            var cjk = http.get("/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E");
            assertThat(cjk.statusCode()).isEqualTo(200);
            assertThat(cjk.body()).contains("日本語", "Written in YAML");
        }
    }

    @Test
    void searchSnippetsArePlainTextWithoutMarkdownSyntax(TestDatabase db) {
        db.migrate();
        importSite(db, ForeignFrontMatterTest.site("hugo/content"));

        try (var server = serve(db)) {
            var body = Http.onPort(server.port()).get("/search?q=systemctl").body();

            assertThat(body)
                    .contains("Deploying with <mark>systemctl</mark> restart after the upgrade");
            var results = body.substring(body.indexOf("<ol"), body.indexOf("</ol>"));
            assertThat(results).doesNotContain("`", "|", "**");
        }
    }

    @Test
    void aJekyllSiteImportsUnchangedWithDatesAndSlugsFromItsFileNames(TestDatabase db) {
        db.migrate();

        var run = importSite(db, ForeignFrontMatterTest.site("jekyll"));

        assertThat(run.out())
                .isEqualTo(
                        "Imported: 2 added, 0 updated, 0 removed, 0 unchanged\n"
                                + IGNORED
                                + "layout (2 posts)\n");
        var first = db.dsl().selectFrom(POSTS).where(POSTS.SLUG.eq("from-jekyll")).fetchOne();
        assertThat(first.getPublishedAt()).isEqualTo(utc("2024-02-01T00:00:00Z"));
        assertThat(first.getSummary()).isEqualTo("A Jekyll post, brought over unchanged.");
        assertThat(first.getSourcePath()).isEqualTo("2024-02-01-from-jekyll.md");
        var second = db.dsl().selectFrom(POSTS).where(POSTS.SLUG.eq("second-post")).fetchOne();
        assertThat(second.getPublishedAt()).isEqualTo(utc("2024-02-03T09:30:00Z"));
        try (var server = serve(db)) {
            var http = Http.onPort(server.port());
            assertThat(http.get("/blog/from-jekyll").body())
                    .contains("From Jekyll", "href=\"/tags/jekyll\"", "href=\"/tags/notes\"");
            assertRedirect(http, "/2024/02/01/from-jekyll.html", "/blog/from-jekyll");
            assertRedirect(http, "/blog/2024/second-old/", "/blog/second-post");
        }
    }

    @Test
    void aZolaPostImportsUnchangedWithItsTaxonomies(TestDatabase db) {
        db.migrate();

        var run = importSite(db, ForeignFrontMatterTest.site("zola/content"));

        assertThat(run.out())
                .isEqualTo(
                        "Imported: 1 added, 0 updated, 0 removed, 0 unchanged\n"
                                + IGNORED
                                + "extra (1 post), template (1 post), weight (1 post)\n");
        try (var server = serve(db)) {
            var http = Http.onPort(server.port());
            assertThat(http.get("/blog/from-zola").body())
                    .contains(
                            "<time class=\"dt-updated\" datetime=\"2024-03-05T00:00:00Z\">",
                            "<p class=\"p-summary\">A Zola post, brought over unchanged.</p>",
                            "href=\"/tags/zola\"",
                            "href=\"/tags/rust\"",
                            "href=\"/tags/notes\"");
            assertRedirect(http, "/2024/from-zola/", "/blog/from-zola");
        }
    }

    @Test
    void aBadPostBesideAHugoSiteNamesItsFileAndLineAndChangesNothing(TestDatabase db) {
        db.migrate();
        var content = copy(ForeignFrontMatterTest.site("hugo/content"), dir.resolve("content"));
        importSite(db, content);
        var before = ImportIT.rowVersions(db);
        var bad = content.resolve("posts/bad.md");
        write(bad, "+++\ntitle = \"Bad\"\ndate = 2024-01-01\nlayuot = \"post\"\n+++\n");

        var run = importSite(db, content);

        assertThat(run.exitCode()).isEqualTo(HomeWebCommand.EXIT_CONTENT);
        assertThat(run.err())
                .contains(bad + ":4: unknown front-matter key 'layuot'; did you mean 'layout'?");
        assertThat(ImportIT.rowVersions(db)).isEqualTo(before);
    }

    private static void assertRedirect(Http http, String from, String to) {
        var response = http.get(from);
        assertThat(response.statusCode()).as(from).isEqualTo(301);
        assertThat(response.headers().firstValue("location"))
                .as(from)
                .hasValueSatisfying(location -> assertThat(location).endsWith(to));
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (var file : (Iterable<Path>) files::iterator) {
                var target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
