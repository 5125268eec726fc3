package dev.homeweb.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.config.ConfigException;
import dev.homeweb.config.SiteSettings;
import dev.homeweb.config.SiteYaml;
import dev.homeweb.posts.SearchHit;
import dev.homeweb.posts.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {
    @TempDir Path dir;

    Path theme() throws IOException {
        return Files.createDirectories(dir.resolve("theme"));
    }

    void write(String name, String text) throws IOException {
        Files.writeString(theme().resolve(name), text);
    }

    SiteSnapshot site(Theme theme) {
        var java = new Tag("java", "Java");
        var posts =
                List.of(
                        SiteSnapshotTest.post("b", SiteSnapshotTest.NOW.minusSeconds(10), java),
                        SiteSnapshotTest.post("a", SiteSnapshotTest.NOW.minusSeconds(20)));
        return SiteSnapshot.build(posts, SiteSnapshotTest.NOW, renderers(theme));
    }

    static Renderers renderers(Theme theme) {
        return Renderers.of(SiteSnapshotTest.renderers().site(), theme);
    }

    @Test
    void footerOverrideChangesEveryPageAndTheRestStaysShipped() throws IOException {
        write(
                "footer.mustache",
                "</main>\n<footer class=\"site-footer\"><p>© {{site.author}}, my own"
                        + " footer</p></footer>\n</body>\n</html>\n");
        var theme = Theme.load(theme());
        var site = site(theme);
        var pages = renderers(theme).pages();

        var html =
                List.of(
                        SiteSnapshotTest.text(site.find("/").orElseThrow()),
                        SiteSnapshotTest.text(site.find("/blog/a").orElseThrow()),
                        SiteSnapshotTest.text(site.find("/tags/java").orElseThrow()),
                        SiteSnapshotTest.text(site.notFound()),
                        pages.search("x", List.of(), false),
                        pages.searchUnavailable("x"));
        assertThat(html)
                .allSatisfy(
                        page ->
                                assertThat(page)
                                        .contains("<p>© My blog, my own footer</p>")
                                        .doesNotContain("Served by home-web")
                                        .contains("<a class=\"skip-link\" href=\"#main\">"));
    }

    @Test
    void templatesEscapeValuesUnlessAskedForHtml() throws IOException {
        write("not-found.mustache", "<p>{{site.title}}|{{{site.title}}}</p>\n");
        var site =
                new SiteSettings(
                        "A <b>&", "https://example.org", Optional.empty(), "/s.css", "/f.svg");

        var html = new PageRenderer(site, Theme.load(theme())).notFound();

        assertThat(html).isEqualTo("<p>A &lt;b&gt;&amp;|A <b>&</p>\n");
    }

    @Test
    void stylesheetOverrideIsServedUnderItsOwnHash() throws IOException {
        var shipped = new StaticAssets(Theme.shipped());
        write("site.css", "body { color: rebeccapurple; }\n");

        var assets = new StaticAssets(Theme.load(theme()));

        assertThat(assets.stylesheetPath()).isNotEqualTo(shipped.stylesheetPath());
        var css = new String(assets.find(assets.stylesheetPath()).orElseThrow().body(), UTF8);
        assertThat(css).startsWith("body { color: rebeccapurple; }\n").contains(".footnotes");
    }

    @Test
    void templateWithASyntaxErrorFailsWithItsFileAndLine() throws IOException {
        write("post.mustache", "{{> head}}\n<body>\n<h1>{{post.title</h1>\n");

        assertThatThrownBy(() -> Theme.load(theme()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(theme().resolve("post.mustache") + ":3: Improperly closed variable");
    }

    @Test
    void unclosedSectionInAPartialOfYourOwnFailsWithItsFileAndLine() throws IOException {
        write("aside.mustache", "<aside>\n{{#site.navigation}}\n<a>{{title}}</a>\n</aside>\n");

        assertThatThrownBy(() -> Theme.load(theme()))
                .hasMessage(
                        theme().resolve("aside.mustache")
                                + ":2: Failed to close 'site.navigation' tag");
    }

    @Test
    void includeOfAMissingPartialNamesTheIncludingTemplate() throws IOException {
        write("list.mustache", "{{> head}}\n{{> sidebar}}\n");

        assertThatThrownBy(() -> Theme.load(theme()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(theme().resolve("list.mustache") + " (or a partial")
                .hasMessageContaining("includes sidebar.mustache, which is neither");
    }

    @Test
    void fileTheThemeDoesNotKnowIsAnError() throws IOException {
        write("footer.html", "<footer></footer>");

        assertThatThrownBy(() -> Theme.load(theme()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(theme().resolve("footer.html") + ": a theme holds");
    }

    @Test
    void missingThemeFolderMeansTheShippedLook() {
        var shipped = Theme.shipped();

        var none = Theme.load(dir.resolve("theme"));

        assertThat(renderers(none).pages().notFound())
                .isEqualTo(renderers(shipped).pages().notFound());
    }

    @Test
    void themeFolderSitsBesideTheContentFolder() {
        assertThat(Theme.folderFor(Path.of("content"))).isEqualTo(Path.of("theme"));
        assertThat(Theme.folderFor(Path.of("/srv/blog/current/content")))
                .isEqualTo(Path.of("/srv/blog/current/theme"));
    }

    @Test
    void siteFileValuesAppearOnThePages() {
        var file =
                new SiteYaml(
                        Optional.of("Carnets"),
                        Optional.of("Notes on <code>"),
                        Optional.of("Ana Lima"),
                        Optional.of("pt-BR"),
                        List.of(
                                new SiteYaml.NavLink("About", "/about"),
                                new SiteYaml.NavLink("Code", "https://example.org/code")),
                        Optional.of("© Ana Lima"),
                        Optional.of("ana@example.org"));
        var config =
                dev.homeweb.config.AppConfig.from(
                        java.util.Map.of("base-url", "https://example.org"), java.util.Map.of());
        var settings = SiteSettings.from(config, file, "/s.css", "/f.svg");
        var site =
                SiteSnapshot.build(
                        List.of(SiteSnapshotTest.post("a", SiteSnapshotTest.NOW.minusSeconds(9))),
                        SiteSnapshotTest.NOW,
                        Renderers.of(settings));

        var home = SiteSnapshotTest.text(site.find("/").orElseThrow());
        var post = SiteSnapshotTest.text(site.find("/blog/a").orElseThrow());

        assertThat(home)
                .contains(
                        "<html lang=\"pt-BR\">",
                        "<title>Posts · Carnets</title>",
                        "<meta name=\"description\" content=\"Notes on &lt;code&gt;\">",
                        "<ul class=\"site-nav\">\n<li><a href=\"/about\">About</a></li>\n"
                                + "<li><a href=\"https://example.org/code\">Code</a></li>\n</ul>",
                        "· © Ana Lima</p>");
        assertThat(post)
                .contains(
                        "<a class=\"p-author h-card\" href=\"https://example.org/\">Ana Lima</a>",
                        "href=\"mailto:ana@example.org?subject=Re%3A%20Title%20a\"");
    }

    @Test
    void searchSnippetKeepsItsMarksAndEscapesTheRest() {
        var hit =
                new SearchHit(
                        "a",
                        "A <title>",
                        SiteSnapshotTest.NOW,
                        "x " + SearchHit.MARK_START + "<y>" + SearchHit.MARK_END,
                        1f);

        var html = renderers(Theme.shipped()).pages().search("y", List.of(hit), false);

        assertThat(html)
                .contains(
                        "<p>1 post matches.</p>",
                        "<h2><a href=\"/blog/a\">A &lt;title&gt;</a></h2>",
                        "<p>x <mark>&lt;y&gt;</mark></p>");
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
