package dev.homeweb.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mustachejava.Mustache;
import dev.homeweb.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A name a template asks for but is never given is an error, not an empty spot on the page. */
class ThemeCheckTest {
    @TempDir Path dir;

    Path theme(String name, String text) throws IOException {
        var folder = Files.createDirectories(dir.resolve("theme"));
        Files.writeString(folder.resolve(name), text);
        return folder;
    }

    @Test
    void misspelledNameNamesFileLineAndTheClosestKnownName() throws IOException {
        var folder =
                theme(
                        "post.mustache",
                        "{{> head}}\n<body>\n{{> header}}\n<h1>{{post.titel}}</h1>\n{{> footer}}\n");

        assertThatThrownBy(() -> Theme.load(folder))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        folder.resolve("post.mustache")
                                + ":4: unknown name 'post.titel': this page is not given it, so it"
                                + " would render as nothing; did you mean post.title?");
    }

    @Test
    void nameInsideASectionIsLookedUpInTheSectionsItemFirst() throws IOException {
        var good = theme("list.mustache", "{{#posts}}{{title}} {{published.human}}{{/posts}}\n");
        Theme.load(good);

        var bad = theme("list.mustache", "{{#posts}}\n{{publishd.human}}\n{{/posts}}\n");
        assertThatThrownBy(() -> Theme.load(bad))
                .hasMessageContaining("list.mustache:2: unknown name 'publishd.human'")
                .hasMessageEndingWith("did you mean published.human?");
    }

    @Test
    void misspellingInAPartialIsReportedAtThePartialsLine() throws IOException {
        var folder =
                theme(
                        "footer.mustache",
                        "</main>\n<footer>\n<p>{{site.footr}}</p>\n</footer>\n</body>\n</html>\n");

        assertThatThrownBy(() -> Theme.load(folder))
                .hasMessageStartingWith(folder.resolve("footer.mustache") + ":3: unknown name")
                .hasMessageContaining("'site.footr'")
                .hasMessageEndingWith("did you mean site.footer?");
    }

    @Test
    void nameOnlyAnotherPageIsGivenIsUnknownHere() throws IOException {
        var folder = theme("not-found.mustache", "<p>{{post.title}}</p>\n");

        assertThatThrownBy(() -> Theme.load(folder))
                .hasMessageContaining("not-found.mustache:1: unknown name 'post.title'")
                .hasMessageContaining("names here: head, site");
    }

    @Test
    void optionalValuesAndSectionsOfEveryVariantAreKnown() throws IOException {
        // Missing on many pages (no pagination, no discuss address, no results), yet given names.
        theme(
                "search.mustache",
                "{{#results}}{{matches}}{{#hits}}{{{snippet}}}{{/hits}}{{/results}}"
                        + "{{#unavailable}}x{{/unavailable}}{{^prompt}}{{query}}{{/prompt}}"
                        + "{{head.canonical}}{{#site.liveReload}}{{events}}{{/site.liveReload}}\n");
        var folder =
                theme(
                        "post.mustache",
                        "{{#discuss}}{{mailto}}{{/discuss}}{{post.updated.iso}}"
                                + "{{#head.prev}}{{.}}{{/head.prev}}\n");

        assertThat(Theme.load(folder)).isNotNull();
    }

    @Test
    void theShippedThemeUsesOnlyNamesItIsGiven() {
        // A start does not check the shipped templates (no user changes them): this test does.
        var factory = new ThemeCompiler(Map.of());
        var pages = new LinkedHashMap<String, Mustache>();
        Theme.PAGES.forEach(name -> pages.put(name, factory.compileChecked(name + ".mustache")));

        assertThat(Theme.problems(factory, pages)).isEmpty();
        assertThat(Theme.shipped()).isNotNull();
    }
}
