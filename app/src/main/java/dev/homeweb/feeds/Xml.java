package dev.homeweb.feeds;

/**
 * Escaping for XML 1.0 text and attribute values. Characters XML cannot carry (most C0 controls,
 * unpaired surrogates, U+FFFE/U+FFFF) and the discouraged ones (DEL and the C1 controls) are
 * dropped, so any string makes a well-formed document.
 */
final class Xml {
    private Xml() {}

    /** Whether {@code codePoint} may appear in a feed: XML's {@code Char} less the controls. */
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

    /** Escapes element content; a carriage return becomes a reference so parsers keep it. */
    static String text(String value) {
        return escape(value, false);
    }

    /**
     * Escapes a double-quoted attribute value; tabs and line breaks become references because
     * parsers turn literal ones into spaces.
     */
    static String attribute(String value) {
        return escape(value, true);
    }

    private static String escape(String value, boolean attribute) {
        var out = new StringBuilder(value.length() + 16);
        value.codePoints()
                .filter(Xml::isAllowed)
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
