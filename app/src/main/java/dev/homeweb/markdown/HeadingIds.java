package dev.homeweb.markdown;

import java.util.Locale;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.PostProcessor;

/**
 * Numbers repeated titles ({@code setup}, {@code setup-1}) as the heading-anchor extension does.
 */
final class HeadingIds implements PostProcessor {

    @Override
    public Node process(Node document) {
        var ids = IdGenerator.builder().build();
        document.accept(
                new AbstractVisitor() {
                    @Override
                    public void visit(Heading heading) {
                        var title = title(heading);
                        var id = ids.generateId(title.toLowerCase(Locale.ROOT));
                        heading.appendChild(new HeadingPermalink(id, title));
                    }
                });
        return document;
    }

    /** The heading as its reader sees it, without markup. */
    private static String title(Heading heading) {
        return NodeText.of(heading).trim();
    }
}
