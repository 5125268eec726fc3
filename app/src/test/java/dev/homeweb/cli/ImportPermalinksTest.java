package dev.homeweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.testing.CliRun;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code import --hugo-permalinks/--jekyll-permalink}: reads the posts, needs no database. */
class ImportPermalinksTest {
    static CliRun listOldAddresses(String site, String option, String pattern)
            throws URISyntaxException {
        return CliRun.of("import", "--content", site(site).toString(), option, pattern);
    }

    static Path site(String name) throws URISyntaxException {
        return Path.of(ImportPermalinksTest.class.getResource("/sites/" + name).toURI());
    }

    @Test
    void listsTheOldAddressesTheAliasesDoNotKeepAndImportsNothing() throws Exception {
        var content = site("hugo/content");

        var run = listOldAddresses("hugo/content", "--hugo-permalinks", "/:year/:month/:slug/");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        "Old addresses under --hugo-permalinks '/:year/:month/:slug/' that no alias"
                                + " keeps yet; add each to its post's aliases (nothing was imported):\n"
                                + "  "
                                + content.resolve("posts/toml-post.md")
                                + ": /2024/01/toml-post\n"
                                + "1 of 3 posts need an alias.\n");
    }

    @Test
    void saysSoWhenEveryPostKeepsItsAddress() throws Exception {
        var run = listOldAddresses("zola/content", "--hugo-permalinks", "/:year/:slug/");

        assertThat(run.out())
                .isEqualTo(
                        "Every post keeps its address under --hugo-permalinks '/:year/:slug/';"
                                + " nothing was imported.\n");
    }

    @Test
    void aBadPatternIsAConfigurationError() throws Exception {
        var run = listOldAddresses("jekyll", "--jekyll-permalink", "/:year/:titel/");

        assertThat(run.exitCode()).isEqualTo(HomeWebCommand.EXIT_CONFIG);
        assertThat(run.err())
                .startsWith(
                        "home-web import: --jekyll-permalink '/:year/:titel/': unknown placeholder ':titel'");
    }
}
