package dev.homeweb.content;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** CommonMark with GFM tables, strikethrough, autolinks and heading ids; raw HTML is escaped. */
public final class MarkdownRenderer {
    /**
     * Part of every post's content hash: bump it when the rendered HTML for the same Markdown
     * changes, so the next import re-renders every post.
     */
    public static final String VERSION = "1";

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        List<Extension> extensions =
                List.of(
                        TablesExtension.create(),
                        StrikethroughExtension.create(),
                        AutolinkExtension.create(),
                        HeadingAnchorExtension.create());
        parser = Parser.builder().extensions(extensions).build();
        renderer =
                HtmlRenderer.builder()
                        .extensions(extensions)
                        .escapeHtml(true)
                        .sanitizeUrls(true)
                        .build();
    }

    public String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
