package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.testing.ContentDir;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermalinksTest {
    final ContentReader reader = new ContentReader();

    Map<String, String> missing(Permalinks permalinks, Path contentDir) {
        var result = new java.util.LinkedHashMap<String, String>();
        for (var entry : permalinks.missingAliases(reader.read(contentDir))) {
            result.put(entry.getKey().slug(), entry.getValue());
        }
        return result;
    }

    @Test
    void hugoPatternGivesEachPublishedPostWithoutItsOwnUrlAnAddress() {
        var missing =
                missing(
                        Permalinks.hugo("/:year/:month/:slug/"),
                        ForeignFrontMatterTest.site("hugo/content"));

        // yaml-post has its own url; not-yet is a draft.
        assertThat(missing).containsExactly(Map.entry("toml-post", "/2024/01/toml-post"));
    }

    @Test
    void hugoSlugFallsBackToTheTitleAndSectionIsTheFolder(@TempDir Path dir) {
        new ContentDir(dir).post("a-file.md", "Hello, World 2", "2024-05-06", "");

        assertThat(missing(Permalinks.hugo("/:section/:slug/"), dir))
                .containsExactly(Map.entry("a-file", "/posts/hello-world-2"));
        assertThat(missing(Permalinks.hugo("/:year/:filename.html"), dir))
                .containsExactly(Map.entry("a-file", "/2024/a-file.html"));
    }

    @Test
    void jekyllDefaultStyleIsDateWithoutAnEmptyCategorySegment() {
        var missing = missing(Permalinks.jekyll("date"), ForeignFrontMatterTest.site("jekyll"));

        // from-jekyll has its own permalink.
        assertThat(missing)
                .containsExactly(Map.entry("second-post", "/2024/02/03/second-post.html"));
    }

    @Test
    void jekyllCategoriesAreLowercaseFolders(@TempDir Path dir) {
        new ContentDir(dir).post("cats.md", "Cats", "2024-05-06", "categories: Jekyll Notes\n");

        assertThat(missing(Permalinks.jekyll("pretty"), dir))
                .containsExactly(Map.entry("cats", "/jekyll/notes/2024/05/06/cats"));
        assertThat(
                        missing(
                                Permalinks.jekyll("/:short_year/:i_month/:i_day/:title:output_ext"),
                                dir))
                .containsExactly(Map.entry("cats", "/24/5/6/cats.html"));
    }

    @Test
    void anUnknownPlaceholderNamesTheOptionAndListsTheKnownOnes() {
        assertThatThrownBy(() -> Permalinks.hugo("/:yr/:slug/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "--hugo-permalinks '/:yr/:slug/': unknown placeholder ':yr'; use :day,"
                                + " :filename, :i_day, :i_month, :month, :section, :short_year,"
                                + " :slug, :slugorfilename, :title, :y_day, :year");
        assertThatThrownBy(() -> Permalinks.jekyll("year/:title"))
                .hasMessageStartingWith(
                        "--jekyll-permalink 'year/:title': a pattern starts with '/'; use :categories,");
    }
}
