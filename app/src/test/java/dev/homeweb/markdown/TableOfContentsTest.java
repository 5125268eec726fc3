package dev.homeweb.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class TableOfContentsTest {
    private final Parser parser =
            Parser.builder().extensions(List.of(HeadingPermalinkExtension.create())).build();

    private TableOfContents toc(String markdown) {
        return TableOfContents.of(parser.parse(markdown));
    }

    @Test
    void nestsEachH3UnderTheH2BeforeIt() {
        var toc =
                toc(
                        """
                        # Title
                        ## Install
                        ### On Debian
                        ### On *NixOS*
                        #### Details are left out
                        ## Use `serve`
                        """);

        assertThat(toc.toHtml())
                .isEqualTo(
                        """
                        <nav class="toc" aria-label="Table of contents">
                        <ol>
                        <li><a href="#install">Install</a>
                        <ol>
                        <li><a href="#on-debian">On Debian</a></li>
                        <li><a href="#on-nixos">On NixOS</a></li>
                        </ol>
                        </li>
                        <li><a href="#use-serve">Use serve</a></li>
                        </ol>
                        </nav>
                        """);
    }

    @Test
    void listsH3sBeforeTheFirstH2AtTheTopLevel() {
        assertThat(toc("### Early\n### Also early\n## Later\n").toHtml())
                .isEqualTo(
                        """
                        <nav class="toc" aria-label="Table of contents">
                        <ol>
                        <li><a href="#early">Early</a></li>
                        <li><a href="#also-early">Also early</a></li>
                        <li><a href="#later">Later</a></li>
                        </ol>
                        </nav>
                        """);
    }

    @Test
    void linksRepeatedTitlesToTheirNumberedIdsAndEscapesTitles() {
        assertThat(toc("## Notes\n## Notes\n## a < b & \"c\"\n").entries())
                .containsExactly(
                        new TableOfContents.Entry(2, "notes", "Notes"),
                        new TableOfContents.Entry(2, "notes-1", "Notes"),
                        new TableOfContents.Entry(2, "a--b--c", "a < b & \"c\""));
        assertThat(toc("## a < b & \"c\"\n").toHtml())
                .contains("<li><a href=\"#a--b--c\">a &lt; b &amp; &quot;c&quot;</a></li>");
    }

    @Test
    void leavesOutHeadingsInQuotesAndLists() {
        assertThat(toc("> ## Quoted\n\n- ## Listed\n").isEmpty()).isTrue();
    }

    @Test
    void isEmptyWithoutSectionHeadings() {
        var toc = toc("# Only a title\n\nText.\n");

        assertThat(toc.isEmpty()).isTrue();
        assertThat(toc.toHtml()).isEmpty();
    }
}
