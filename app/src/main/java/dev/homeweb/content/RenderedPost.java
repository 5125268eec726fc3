package dev.homeweb.content;

import java.util.Objects;

/**
 * A post's Markdown as HTML: the body, and its table of contents when one was asked for (else
 * empty); and as plain text, for search snippets.
 */
public record RenderedPost(String bodyHtml, String tocHtml, String text) {
    public RenderedPost {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(bodyHtml, "bodyHtml");
        Objects.requireNonNull(tocHtml, "tocHtml");
    }

    /** What a page shows where the post's text goes: the table of contents, then the body. */
    public String html() {
        return tocHtml + bodyHtml;
    }
}
