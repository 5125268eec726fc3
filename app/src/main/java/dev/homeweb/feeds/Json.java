package dev.homeweb.feeds;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists and strings as indented JSON (RFC 8259). Maps keep their iteration
 * order, so a {@code LinkedHashMap} gives the same bytes every time. Characters that {@link
 * Xml#isAllowed} rejects are dropped here too.
 */
final class Json {
    private Json() {}

    static String write(Object value) {
        var out = new StringBuilder(8192);
        write(value, out, 0);
        return out.append('\n').toString();
    }

    static String quote(String value) {
        var out = new StringBuilder(value.length() + 16).append('"');
        value.codePoints()
                .filter(Xml::isAllowed)
                .forEach(
                        c -> {
                            switch (c) {
                                case '"' -> out.append("\\\"");
                                case '\\' -> out.append("\\\\");
                                case '\n' -> out.append("\\n");
                                case '\r' -> out.append("\\r");
                                case '\t' -> out.append("\\t");
                                // Valid JSON, but they end a line in JavaScript source.
                                case 0x2028 -> out.append("\\u2028");
                                case 0x2029 -> out.append("\\u2029");
                                default -> out.appendCodePoint(c);
                            }
                        });
        return out.append('"').toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value instanceof String text) {
            out.append(quote(text));
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out, depth);
        } else if (value instanceof List<?> list) {
            writeArray(list, out, depth);
        } else {
            throw new IllegalArgumentException(
                    "cannot write "
                            + (value == null ? "null" : value.getClass().getName())
                            + " as JSON");
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        var first = true;
        for (var entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON key " + entry.getKey() + " is no string");
            }
            out.append(first ? "" : ",\n").append(indent(depth + 1)).append(quote(key));
            out.append(": ");
            write(entry.getValue(), out, depth + 1);
            first = false;
        }
        out.append('\n').append(indent(depth)).append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ",\n").append(indent(depth + 1));
            write(list.get(i), out, depth + 1);
        }
        out.append('\n').append(indent(depth)).append(']');
    }

    private static String indent(int depth) {
        return "  ".repeat(depth);
    }
}
