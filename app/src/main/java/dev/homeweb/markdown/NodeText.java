package dev.homeweb.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/** A node's text as its reader sees it, without markup: "Why *home-web*?" is "Why home-web?". */
final class NodeText {
    private NodeText() {}

    static String of(Node node) {
        var text = new StringBuilder();
        node.accept(
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
        return text.toString();
    }
}
