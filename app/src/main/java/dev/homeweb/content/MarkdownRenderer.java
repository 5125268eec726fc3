package dev.homeweb.content;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
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
                        // Not sanitizeUrls(true): it also marks every link rel="nofollow".
                        .attributeProviderFactory(context -> new SafeLinks())
                        .build();
    }

    public String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /** Drops link and image targets with a script-capable scheme such as javascript: or data:. */
    private static final class SafeLinks implements AttributeProvider {
        private static final Pattern SCHEME = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.-]*):");
        private static final Set<String> ALLOWED = Set.of("http", "https", "mailto", "xmpp", "tel");

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link) {
                attributes.computeIfPresent("href", (k, v) -> safe(v));
            } else if (node instanceof Image) {
                attributes.computeIfPresent("src", (k, v) -> safe(v));
            }
        }

        private static String safe(String url) {
            var scheme = SCHEME.matcher(url);
            return !scheme.find() || ALLOWED.contains(scheme.group(1).toLowerCase(Locale.ROOT))
                    ? url
                    : "#";
        }
    }
}
