package dev.homeweb.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a tag as written ("Java 17") becomes the path segment of its page ("java-17"). Letters of
 * every script are kept ("日本語", "русский"); Latin letters lose their accents ("Café" is "cafe");
 * {@code +} and {@code #} are spelled out, so "C++", "C#" and "C" are three tags. Letters beyond
 * ASCII are percent-encoded UTF-8, as a browser sends them, so the slug is the path exactly as
 * requested and may go into any link, feed or sitemap as it is.
 */
public final class Tags {
    private static final Pattern LATIN_ACCENTS = Pattern.compile("(\\p{IsLatin})\\p{M}+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    /** The longest slug and name the database holds (tags.slug, tags.name). */
    static final int MAX_LENGTH = 300;

    private Tags() {}

    public static String slug(String tag) {
        // Accents go from Latin letters only: in other scripts a mark is part of the letter.
        var decomposed = Normalizer.normalize(tag, Normalizer.Form.NFKD);
        var plain =
                Normalizer.normalize(
                        LATIN_ACCENTS.matcher(decomposed).replaceAll("$1"), Normalizer.Form.NFC);
        var spelled = plain.replace("+", " plus ").replace("#", " sharp ");
        var words =
                NOT_A_WORD
                        .matcher(spelled.toLowerCase(Locale.ROOT))
                        .replaceAll("-")
                        .replaceAll("^-|-$", "");
        // Only letters, digits, marks and hyphens are left: nothing URLEncoder turns into '+'.
        return URLEncoder.encode(words, StandardCharsets.UTF_8);
    }
}
