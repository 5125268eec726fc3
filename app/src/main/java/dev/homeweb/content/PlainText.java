package dev.homeweb.content;

import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * A parsed post's words without Markdown syntax: what a reader sees, for search snippets. Code is
 * kept as its text; link targets and table pipes are not text.
 */
final class PlainText {
    private PlainText() {}

    static String of(Node document) {
        var out = new StringBuilder();
        append(document, out);
        return out.toString().replaceAll("[ \\t]+", " ").replaceAll(" ?\\n[\\s]*", "\n").strip();
    }

    private static void append(Node node, StringBuilder out) {
        if (node instanceof Text text) {
            out.append(text.getLiteral());
        } else if (node instanceof Code code) {
            out.append(code.getLiteral());
        } else if (node instanceof FencedCodeBlock code) {
            out.append(code.getLiteral());
        } else if (node instanceof IndentedCodeBlock code) {
            out.append(code.getLiteral());
        } else if (node instanceof HtmlInline html) {
            // Raw HTML is shown as text on the page (it is escaped), so it is text here too.
            out.append(html.getLiteral());
        } else if (node instanceof HtmlBlock html) {
            out.append(html.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append(' ');
        } else {
            for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
                append(child, out);
            }
        }
        if (node instanceof Block || node instanceof TableRow) {
            out.append('\n');
        } else if (node instanceof CustomNode) {
            // Table cells and the like: words of neighbouring cells stay apart.
            out.append(' ');
        }
    }
}
