package dev.homeweb.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbsoluteLinksTest {
    static final String PAGE = "https://blog.example.org/blog/second";

    @Test
    void resolvesRootPathsFragmentsAndRelativePathsAgainstThePage() {
        var html =
                """
                <p><a href="/blog/first">first</a> <img src="/static/a.png" alt="a" /> \
                <a href="#section">below</a><sup><a href="#fn-1" id="fnref-1">1</a></sup> \
                <a href="other?x=1&amp;y=2">sibling</a> <a href="?page=2">query</a></p>
                """;

        assertThat(AbsoluteLinks.resolve(html, PAGE))
                .isEqualTo(
                        """
                        <p><a href="https://blog.example.org/blog/first">first</a> \
                        <img src="https://blog.example.org/static/a.png" alt="a" /> \
                        <a href="https://blog.example.org/blog/second#section">below</a>\
                        <sup><a href="https://blog.example.org/blog/second#fn-1" id="fnref-1">1</a></sup> \
                        <a href="https://blog.example.org/blog/other?x=1&amp;y=2">sibling</a> \
                        <a href="https://blog.example.org/blog/second?page=2">query</a></p>
                        """);
    }

    @Test
    void leavesAbsoluteAndOtherSchemeUrlsAlone() {
        var html =
                "<a href=\"https://example.com/x\">a</a><a href=\"mailto:me@example.org\">m</a>"
                        + "<a href=\"//cdn.example.com/y\">p</a><a href=\"\">e</a>";

        assertThat(AbsoluteLinks.resolve(html, PAGE)).isEqualTo(html);
    }

    @Test
    void rootPathsKeepToTheHostEvenUnderABasePath() {
        assertThat(
                        AbsoluteLinks.resolve(
                                "<a href=\"/x\">x</a><a href=\"y\">y</a>",
                                "http://127.0.0.1:8080/~me/blog/post"))
                .isEqualTo(
                        "<a href=\"http://127.0.0.1:8080/x\">x</a>"
                                + "<a href=\"http://127.0.0.1:8080/~me/blog/y\">y</a>");
    }

    @Test
    void ignoresQuotedTextThatOnlyLooksLikeAnAttribute() {
        var html = "<pre><code>&lt;a href=&quot;/x&quot;&gt; data-href=\"/y\"</code></pre>";

        assertThat(AbsoluteLinks.resolve(html, PAGE)).isEqualTo(html);
    }
}
