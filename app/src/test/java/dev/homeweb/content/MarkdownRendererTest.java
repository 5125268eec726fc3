package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersGfmTablesStrikethroughAutolinksAndHeadingIds() {
        var html =
                renderer.render(
                        """
                        ## Why home-web?

                        | tool | files |
                        |------|------:|
                        | Hugo | 1     |

                        ~~rsync~~ and https://example.org
                        """);

        assertThat(html)
                .isEqualTo(
                        """
                        <h2 id="why-home-web">Why home-web?</h2>
                        <table>
                        <thead>
                        <tr>
                        <th>tool</th>
                        <th align="right">files</th>
                        </tr>
                        </thead>
                        <tbody>
                        <tr>
                        <td>Hugo</td>
                        <td align="right">1</td>
                        </tr>
                        </tbody>
                        </table>
                        <p><del>rsync</del> and <a href="https://example.org">https://example.org</a></p>
                        """);
    }

    @Test
    void escapesRawHtml() {
        assertThat(renderer.render("<script>alert(1)</script>\n\nhi <b>there</b>"))
                .isEqualTo(
                        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>hi &lt;b&gt;there&lt;/b&gt;</p>\n");
    }

    @Test
    void dropsJavascriptLinks() {
        assertThat(renderer.render("[x](javascript:alert(1))")).doesNotContain("javascript:");
    }
}
