package dev.homeweb.content;

import dev.homeweb.markdown.AccessibilityExtension;
import dev.homeweb.markdown.CodeHighlightExtension;
import dev.homeweb.markdown.FileLinks;
import dev.homeweb.markdown.HeadingPermalinkExtension;
import dev.homeweb.markdown.TableOfContents;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.image.attributes.ImageAttributesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;

/**
 * CommonMark with GFM tables, strikethrough, autolinks, footnotes, task lists, image sizes, heading
 * permalinks and highlighted code; raw HTML is escaped. Immutable and thread-safe: build one.
 */
public final class MarkdownRenderer {
    /**
     * Part of every post's content hash: bump it when the rendered HTML for the same Markdown
     * changes, so the next import re-renders every post. 3: the plain text for search snippets, and
     * tag slugs of every script. 4: files beside posts, image sizes and required alt text.
     */
    public static final String VERSION = "4";

    private final List<Extension> extensions;
    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        extensions =
                List.of(
                        // First: where two extensions render the same node, the first one wins.
                        CodeHighlightExtension.create(),
                        HeadingPermalinkExtension.create(),
                        AccessibilityExtension.create(),
                        TablesExtension.create(),
                        StrikethroughExtension.create(),
                        AutolinkExtension.create(),
                        FootnotesExtension.create(),
                        TaskListItemsExtension.create(),
                        ImageAttributesExtension.create());
        parser =
                Parser.builder()
                        .extensions(extensions)
                        // Lines, for errors about an image or link that name where it is.
                        .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                        .build();
        renderer = html(null);
    }

    private HtmlRenderer html(@Nullable AttributeProvider files) {
        // One renderer per post with files: its attributes belong to that document alone.
        var builder =
                HtmlRenderer.builder()
                        .extensions(extensions)
                        .escapeHtml(true)
                        // Not sanitizeUrls(true): it also marks every link rel="nofollow".
                        .attributeProviderFactory(context -> new SafeLinks());
        if (files != null) {
            builder.attributeProviderFactory(context -> files);
        }
        return builder.build();
    }

    /** The body as HTML, without a table of contents. */
    public String render(String markdown) {
        return render(markdown, false).bodyHtml();
    }

    /**
     * The body as HTML and, if {@code toc}, a {@code <nav class="toc">} listing its h2 and h3
     * headings (empty when it has none, or when not asked).
     */
    public RenderedPost render(String markdown, boolean toc) {
        return render(markdown, toc, 1, NO_FILES);
    }

    /**
     * As {@link #render(String, boolean)}, with the post's links and images resolved and checked by
     * {@code files} (see {@link FileLinks}).
     *
     * @param firstLine the file's line where {@code markdown} starts, for the problems reported
     */
    public RenderedPost render(
            String markdown, boolean toc, int firstLine, FileLinks.Resolver files) {
        Objects.requireNonNull(markdown, "markdown");
        var document = parser.parse(markdown);
        var attributes = FileLinks.resolve(document, firstLine, files);
        var body = attributes.map(this::html).orElse(renderer).render(document);
        return new RenderedPost(
                body, toc ? TableOfContents.of(document).toHtml() : "", PlainText.of(document));
    }

    /** Keeps every link and image as written, and requires only alt text. */
    private static final FileLinks.Resolver NO_FILES =
            new FileLinks.Resolver() {
                @Override
                public Optional<String> link(String destination, int line) {
                    return Optional.empty();
                }

                @Override
                public Optional<Map<String, String>> image(String destination, int line) {
                    return Optional.empty();
                }

                @Override
                public void problem(int line, String message) {
                    // A renderer without a file to blame renders what it can.
                }
            };

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
