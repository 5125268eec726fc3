package dev.homeweb.content;

/**
 * The words of a post's Markdown outside fenced code, for its reading time. Counts what {@code
 * [\p{L}\p{N}]+(?:['’]\p{L}+)?} finds once every {@code ```...```} is replaced by a space, without
 * regular expressions: those were a tenth of an import's CPU time.
 */
final class WordCount {
    private static final String FENCE = "```";

    private WordCount() {}

    static int of(String markdown) {
        int count = 0;
        int from = 0;
        while (true) {
            int open = markdown.indexOf(FENCE, from);
            int close = open < 0 ? -1 : markdown.indexOf(FENCE, open + FENCE.length());
            if (close < 0) {
                // An unclosed fence is text, as the regular expression left it.
                return count + words(markdown, from, markdown.length());
            }
            // The fence becomes a space: the words on either side stay apart.
            count += words(markdown, from, open);
            from = close + FENCE.length();
        }
    }

    /** The words in {@code text[from, to)}, which is bounded by spaces or the text's ends. */
    private static int words(String text, int from, int to) {
        int count = 0;
        int i = from;
        while (i < to) {
            int c = text.codePointAt(i);
            if (!isLetterOrNumber(c)) {
                i += Character.charCount(c);
                continue;
            }
            count++;
            i = skip(text, i, to, true);
            if (i + 1 < to && (text.charAt(i) == '\'' || text.charAt(i) == '’')) {
                int next = text.codePointAt(i + 1);
                if (Character.isLetter(next)) {
                    i = skip(text, i + 1, to, false);
                }
            }
        }
        return count;
    }

    /** The end of the run of letters (and numbers, if {@code numbers}) from {@code i}. */
    private static int skip(String text, int i, int to, boolean numbers) {
        while (i < to) {
            int c = text.codePointAt(i);
            if (!(numbers ? isLetterOrNumber(c) : Character.isLetter(c))) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** {@code \p{L}} or {@code \p{N}}: Character.isDigit would miss Nl and No (Ⅻ, ½). */
    private static boolean isLetterOrNumber(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
