package dev.homeweb.feeds;

import dev.homeweb.internal.Escaping;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes an indented UTF-8 XML document element by element, escaping every text and attribute
 * value. Attributes are given as alternating names and values, written in that order.
 */
final class XmlWriter {
    private final StringBuilder out = new StringBuilder(8192);
    private final Deque<String> open = new ArrayDeque<>();

    XmlWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    }

    XmlWriter start(String name, String... attributes) {
        tag(name, attributes);
        out.append(">\n");
        open.push(name);
        return this;
    }

    XmlWriter end() {
        var name = open.pop();
        indent();
        out.append("</").append(name).append(">\n");
        return this;
    }

    XmlWriter element(String name, String text, String... attributes) {
        tag(name, attributes);
        out.append('>')
                .append(Escaping.escapeXmlText(text))
                .append("</")
                .append(name)
                .append(">\n");
        return this;
    }

    XmlWriter empty(String name, String... attributes) {
        tag(name, attributes);
        out.append("/>\n");
        return this;
    }

    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void tag(String name, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "attributes of <" + name + "> must be name/value pairs");
        }
        indent();
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ')
                    .append(attributes[i])
                    .append("=\"")
                    .append(Escaping.escapeXmlAttribute(attributes[i + 1]))
                    .append('"');
        }
    }

    private void indent() {
        out.append("  ".repeat(open.size()));
    }
}
