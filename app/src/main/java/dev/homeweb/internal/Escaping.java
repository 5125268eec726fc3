package dev.homeweb.internal;

/**
 * The one place text is escaped for markup, as commonmark-java keeps its {@code Escaping}: HTML for
 * the pages and the highlighted code, XML 1.0 for the feeds and the sitemap, and the characters
 * neither may carry, which the JSON Feed drops as well.
 */
public final class Escaping {
    private Escaping() {}

    /** Escapes HTML text or a double-quoted attribute value: {@code & < > "}. */
    public static String escapeHtml(String text) {
        var out = new StringBuilder(text.length() + 16);
        escapeHtml(text, 0, text.length(), out);
        return out.toString();
    }

    /** Appends {@code text[start, end)} escaped as by {@link #escapeHtml(String)}. */
    public static void escapeHtml(CharSequence text, int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    /** Escapes XML element content; a carriage return becomes a reference so parsers keep it. */
    public static String escapeXmlText(String value) {
        return xml(value, false);
    }

    /**
     * Escapes a double-quoted XML attribute value; tabs and line breaks become references because
     * parsers turn literal ones into spaces.
     */
    public static String escapeXmlAttribute(String value) {
        return xml(value, true);
    }

    /**
     * The text without what XML cannot carry (most C0 controls, unpaired surrogates, U+FFFE/U+FFFF)
     * and the discouraged DEL and C1 controls, so any string makes a well-formed document.
     */
    public static String withoutControls(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!isAllowed(c)) {
                var out = new StringBuilder(value.length());
                value.codePoints().filter(Escaping::isAllowed).forEach(out::appendCodePoint);
                return out.toString();
            }
            i += Character.charCount(c);
        }
        return value;
    }

    /** Whether {@code codePoint} may appear in a document: XML's {@code Char} less the controls. */
    static boolean isAllowed(int codePoint) {
        if (codePoint < 0x20) {
            return codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
        }
        if (codePoint >= 0x7F && codePoint <= 0x9F) {
            return false;
        }
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
            return false;
        }
        return codePoint != 0xFFFE && codePoint != 0xFFFF;
    }

    private static String xml(String value, boolean attribute) {
        var out = new StringBuilder(value.length() + 16);
        value.codePoints()
                .filter(Escaping::isAllowed)
                .forEach(
                        c -> {
                            switch (c) {
                                case '&' -> out.append("&amp;");
                                case '<' -> out.append("&lt;");
                                case '>' -> out.append("&gt;");
                                case '\r' -> out.append("&#13;");
                                case '"' -> out.append(attribute ? "&quot;" : "\"");
                                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                                default -> out.appendCodePoint(c);
                            }
                        });
        return out.toString();
    }
}
