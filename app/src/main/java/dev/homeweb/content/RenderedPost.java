package dev.homeweb.content;

import java.util.Objects;

/**
 * A post's Markdown as HTML: the body, and its table of contents when one was asked for (else
 * empty).
 */
public record RenderedPost(String bodyHtml, String tocHtml) {
    public RenderedPost {
        Objects.requireNonNull(bodyHtml, "bodyHtml");
        Objects.requireNonNull(tocHtml, "tocHtml");
    }

    /** What a page shows where the post's text goes: the table of contents, then the body. */
    public String html() {
        return tocHtml + bodyHtml;
    }
}
