package dev.homeweb.markdown;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Walks a parsed document's links and images before it is rendered: lets a resolver point those
 * that name files beside the post at the files' addresses and give images their size and {@code
 * srcset}; requires alt text of every image; and makes every image after the first load lazily.
 *
 * <p>An image without alt text is a problem, unless it is marked decorative with an empty title,
 * {@code ![](rule.png "")}: it then gets {@code alt=""}, which tells screen readers to skip it.
 */
public final class FileLinks {
    /** What the walk asks about each link and image; lines are the file's, 1-based. */
    public interface Resolver {
        /** The address to link to instead of {@code destination}; empty: keep it as written. */
        Optional<String> link(String destination, int line);

        /**
         * The attributes of the image's {@code <img>} ({@code src} replaces the destination; {@code
         * width}, {@code height}, {@code srcset}, {@code sizes}); empty: keep it as written.
         */
        Optional<Map<String, String>> image(String destination, int line);

        void problem(int line, String message);
    }

    private FileLinks() {}

    /**
     * Resolves the document's links and images in place.
     *
     * @param firstLine the file's line where the Markdown starts (after the front matter)
     * @return adds the resolved attributes to each {@code <img>}, for the renderer; empty when no
     *     image needs any
     */
    public static Optional<AttributeProvider> resolve(
            Node document, int firstLine, Resolver resolver) {
        var walk = new Walk(firstLine, resolver);
        document.accept(walk);
        if (walk.attributes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                (node, tagName, attributes) -> {
                    var extra = walk.attributes.get(node);
                    if (extra != null && tagName.equals("img")) {
                        // Sizes given in the Markdown ({width=640}) win over the file's.
                        extra.forEach(attributes::putIfAbsent);
                        attributes.put("src", extra.getOrDefault("src", attributes.get("src")));
                        if (extra.containsKey("alt")) {
                            attributes.remove("title");
                        }
                    }
                });
    }

    private static final class Walk extends AbstractVisitor {
        private final int firstLine;
        private final Resolver resolver;
        private final Map<Node, Map<String, String>> attributes = new IdentityHashMap<>();
        private int images;

        Walk(int firstLine, Resolver resolver) {
            this.firstLine = firstLine;
            this.resolver = resolver;
        }

        @Override
        public void visit(Link link) {
            resolver.link(link.getDestination(), line(link)).ifPresent(link::setDestination);
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            int line = line(image);
            var extra = new HashMap<String, String>();
            if (NodeText.of(image).isBlank()) {
                if ("".equals(image.getTitle())) {
                    extra.put("alt", "");
                } else {
                    resolver.problem(
                            line,
                            "image '"
                                    + image.getDestination()
                                    + "' has no alt text; describe it, ![A red bicycle]("
                                    + image.getDestination()
                                    + "), or mark it as decorative with an empty title, ![]("
                                    + image.getDestination()
                                    + " \"\")");
                }
            }
            resolver.image(image.getDestination(), line).ifPresent(extra::putAll);
            if (images++ > 0) {
                extra.put("loading", "lazy");
            }
            if (!extra.isEmpty()) {
                attributes.put(image, extra);
            }
        }

        private int line(Node node) {
            for (var at = node; at != null; at = at.getParent()) {
                var spans = at.getSourceSpans();
                if (!spans.isEmpty()) {
                    return firstLine + spans.get(0).getLineIndex();
                }
            }
            return firstLine;
        }
    }
}
