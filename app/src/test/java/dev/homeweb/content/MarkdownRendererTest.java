package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    /** One for the class: building it compiles every highlighting grammar. */
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private static String render(String markdown) {
        return RENDERER.render(markdown);
    }

    @Test
    void rendersGfmTablesStrikethroughAutolinksAndHeadingIds() {
        var html =
                render(
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
                        <h2 id="why-home-web">Why home-web? <a class="anchor" href="#why-home-web" aria-label="Permalink to Why home-web?">#</a></h2>
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

    @Nested
    class Headings {
        @Test
        void endWithALabelledPermalinkToTheirOwnId() {
            assertThat(render("# Top\n\n## Why *home-web*?\n\n### Use `serve`\n"))
                    .isEqualTo(
                            """
                            <h1 id="top">Top <a class="anchor" href="#top" aria-label="Permalink to Top">#</a></h1>
                            <h2 id="why-home-web">Why <em>home-web</em>? <a class="anchor" href="#why-home-web" aria-label="Permalink to Why home-web?">#</a></h2>
                            <h3 id="use-serve">Use <code>serve</code> <a class="anchor" href="#use-serve" aria-label="Permalink to Use serve">#</a></h3>
                            """);
        }

        @Test
        void repeatedTitlesGetNumberedIdsAndTitlesAreEscapedInLabels() {
            assertThat(render("## Notes\n## Notes\n## <b> & \"q\"\n"))
                    .isEqualTo(
                            """
                            <h2 id="notes">Notes <a class="anchor" href="#notes" aria-label="Permalink to Notes">#</a></h2>
                            <h2 id="notes-1">Notes <a class="anchor" href="#notes-1" aria-label="Permalink to Notes">#</a></h2>
                            <h2 id="b--q">&lt;b&gt; &amp; &quot;q&quot; <a class="anchor" href="#b--q" aria-label="Permalink to &lt;b&gt; &amp; &quot;q&quot;">#</a></h2>
                            """);
        }
    }

    @Nested
    class TableOfContents {
        private static final String POST =
                """
                Intro.

                ## Install
                ### On Debian
                ## Use
                """;

        @Test
        void isRenderedApartFromTheBodyWhenAskedFor() {
            var rendered = RENDERER.render(POST, true);

            // How the list nests and escapes is TableOfContentsTest's; here: these sections, in
            // order.
            assertThat(rendered.tocHtml())
                    .startsWith("<nav class=\"toc\" aria-label=\"Table of contents\">\n")
                    .containsSubsequence(
                            "<a href=\"#install\">Install</a>",
                            "<a href=\"#on-debian\">On Debian</a>",
                            "<a href=\"#use\">Use</a>")
                    .endsWith("</nav>\n");
            assertThat(rendered.bodyHtml()).isEqualTo(render(POST));
            assertThat(rendered.html()).isEqualTo(rendered.tocHtml() + rendered.bodyHtml());
        }

        @Test
        void isEmptyWhenNotAskedForOrWithoutSections() {
            assertThat(RENDERER.render(POST, false).tocHtml()).isEmpty();
            assertThat(RENDERER.render("# Title\n\nText.\n", true).tocHtml()).isEmpty();
        }
    }

    @Test
    void rendersFootnotesAsALabelledSectionWithLinksBothWays() {
        assertThat(
                        render(
                                """
                                Hugo is fast[^speed] and simple[^1].

                                [^speed]: Measured on 1,000 posts.
                                [^1]: One binary.
                                """))
                .isEqualTo(
                        """
                        <p>Hugo is fast<sup class="footnote-ref"><a href="#fn-speed" id="fnref-speed" data-footnote-ref>1</a></sup> and simple<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>2</a></sup>.</p>
                        <section class="footnotes" data-footnotes aria-label="Footnotes">
                        <ol>
                        <li id="fn-speed">
                        <p>Measured on 1,000 posts. <a href="#fnref-speed" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" aria-label="Back to reference 1">↩</a></p>
                        </li>
                        <li id="fn-1">
                        <p>One binary. <a href="#fnref-1" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="2" aria-label="Back to reference 2">↩</a></p>
                        </li>
                        </ol>
                        </section>
                        """);
    }

    @Test
    void rendersTaskListsWithLabelledDisabledCheckboxes() {
        assertThat(render("- [ ] write the post\n- [x] pick a title\n- plain item\n"))
                .isEqualTo(
                        """
                        <ul>
                        <li class="task-list-item"><input type="checkbox" disabled="" aria-label="Done"> write the post</li>
                        <li class="task-list-item"><input type="checkbox" disabled="" checked="" aria-label="Done"> pick a title</li>
                        <li>plain item</li>
                        </ul>
                        """);
    }

    @Test
    void rendersImageWidthAndHeight() {
        assertThat(render("![A cat](/img/cat.png){width=640 height=480}\n"))
                .isEqualTo(
                        "<p><img src=\"/img/cat.png\" alt=\"A cat\" width=\"640\" height=\"480\" /></p>\n");
    }

    @Nested
    class CodeBlocks {
        @Test
        void highlightsFencedCodeWithAKnownLanguage() {
            assertThat(
                            render(
                                    """
                                    ```java
                                    int x = 1; // one
                                    ```
                                    """))
                    .isEqualTo(
                            """
                            <pre><code class="language-java"><span class="hl-keyword">int</span> x = <span class="hl-number">1</span>; <span class="hl-comment">// one</span>
                            </code></pre>
                            """);
        }

        @Test
        void leavesUnknownLanguagesNoLanguageAndIndentedCodeEscapedAndUncoloured() {
            assertThat(
                            render(
                                    """
                                    ```brainfuck extra words
                                    <b>&</b>
                                    ```

                                    ```
                                    <i>"x"</i>
                                    ```

                                        int x = 1;
                                    """))
                    .isEqualTo(
                            """
                            <pre><code class="language-brainfuck">&lt;b&gt;&amp;&lt;/b&gt;
                            </code></pre>
                            <pre><code>&lt;i&gt;&quot;x&quot;&lt;/i&gt;
                            </code></pre>
                            <pre><code>int x = 1;
                            </code></pre>
                            """);
        }

        @Test
        void neitherCodeNorItsLanguageCanEscapeTheBlock() {
            assertThat(
                            render(
                                    """
                                    ```html
                                    </code></pre><script>alert(1)</script>
                                    ```

                                    ```"><script>alert(1)</script>
                                    x
                                    ```
                                    """))
                    .isEqualTo(
                            """
                            <pre><code class="language-html"><span class="hl-tag">&lt;/code&gt;</span><span class="hl-tag">&lt;/pre&gt;</span><span class="hl-tag">&lt;script&gt;</span><span class="hl-function">alert</span>(<span class="hl-number">1</span>)<span class="hl-tag">&lt;/script&gt;</span>
                            </code></pre>
                            <pre><code class="language-&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x
                            </code></pre>
                            """);
        }
    }

    @Test
    void escapesRawHtml() {
        assertThat(render("<script>alert(1)</script>\n\nhi <b>there</b>"))
                .isEqualTo(
                        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>hi &lt;b&gt;there&lt;/b&gt;</p>\n");
    }

    @Test
    void dropsJavascriptLinks() {
        assertThat(render("[x](javascript:alert(1))")).doesNotContain("javascript:");
        assertThat(render("![x](data:image/png;base64,AAAA){width=1}")).doesNotContain("data:");
    }
}
