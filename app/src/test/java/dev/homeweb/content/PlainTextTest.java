package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class PlainTextTest {
    final Parser parser =
            Parser.builder().extensions(java.util.List.of(TablesExtension.create())).build();

    String text(String markdown) {
        return PlainText.of(parser.parse(markdown));
    }

    @Test
    void dropsMarkdownSyntaxAndKeepsTheWords() {
        assertThat(
                        text(
                                """
                                # A heading

                                Use `systemctl restart` after the **upgrade**, see [the docs](https://example.org/x).

                                | step | command |
                                |------|---------|
                                | stop | `systemctl stop blog` |

                                ```sh
                                echo done
                                ```
                                """))
                .isEqualTo(
                        """
                        A heading
                        Use systemctl restart after the upgrade, see the docs.
                        step command
                        stop systemctl stop blog
                        echo done""");
    }

    @Test
    void keepsImageAltTextAndRawHtmlAsShown() {
        assertThat(text("![a cat](cat.png) and <b>bold</b>")).isEqualTo("a cat and <b>bold</b>");
    }

    @Test
    void tidiesWhitespaceExactlyAsTheRegularExpressionsDid() {
        String[] pieces = {"a", " ", "\t", "\n", "\r", "\u000B", "\f", "\u00A0", "b c"};
        for (var raw : RandomTexts.of(pieces)) {
            var byRegex = raw.replaceAll("[ \\t]+", " ").replaceAll(" ?\\n[\\s]*", "\n");
            assertThat(PlainText.tidy(raw)).as(raw).isEqualTo(byRegex);
        }
    }
}
