package dev.homeweb.content;

import java.text.Normalizer;
import java.util.Locale;

/** How a tag as written ("Java 17") becomes the path segment of its page ("java-17"). */
public final class Tags {
    private Tags() {}

    public static String slug(String tag) {
        var ascii = Normalizer.normalize(tag, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
