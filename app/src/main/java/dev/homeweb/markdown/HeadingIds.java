package dev.homeweb.markdown;

import java.util.Locale;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
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

    /** The heading as its reader sees it, without markup: "Why *home-web*?" is "Why home-web?". */
    private static String title(Heading heading) {
        var text = new StringBuilder();
        heading.accept(
                new AbstractVisitor() {
                    @Override
                    public void visit(Text node) {
                        text.append(node.getLiteral());
                    }

                    @Override
                    public void visit(Code node) {
                        text.append(node.getLiteral());
                    }

                    // Raw HTML is escaped, so shown as text: "<b>" reads as part of the title.
                    @Override
                    public void visit(HtmlInline node) {
                        text.append(node.getLiteral());
                    }
                });
        return text.toString().trim();
    }
}
