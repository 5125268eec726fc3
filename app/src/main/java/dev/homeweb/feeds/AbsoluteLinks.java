package dev.homeweb.feeds;

import dev.homeweb.internal.Escaping;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the links and images of a post's rendered HTML absolute, as a browser would resolve them on
 * the post's page. A feed reader shows the HTML away from the site, where {@code /static/a.png} or
 * a footnote's {@code #fn-1} would otherwise point nowhere. The HTML is CommonMark's output, whose
 * attributes are always double-quoted and whose text never holds a bare quote.
 */
final class AbsoluteLinks {
    private static final Pattern URL_ATTRIBUTE =
            Pattern.compile("(\\s(href|src|srcset)=\")([^\"]*)\"");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private AbsoluteLinks() {}

    /**
     * @param pageUrl the absolute URL the HTML is shown at on the site
     */
    static String resolve(String html, String pageUrl) {
        var origin = origin(pageUrl);
        var directory = pageUrl.substring(0, pageUrl.lastIndexOf('/') + 1);
        var matcher = URL_ATTRIBUTE.matcher(html);
        var out = new StringBuilder(html.length() + 256);
        while (matcher.find()) {
            var value = matcher.group(3);
            String resolved;
            if (matcher.group(2).equals("srcset")) {
                // "a.png 672w, b.png 1344w": each candidate's URL, its width kept.
                var candidates = new StringBuilder();
                for (var candidate : value.split(",")) {
                    var parts = candidate.strip().split("\\s+", 2);
                    if (candidates.length() > 0) {
                        candidates.append(", ");
                    }
                    candidates.append(absolute(parts[0], origin, pageUrl, directory));
                    if (parts.length > 1) {
                        candidates.append(' ').append(parts[1]);
                    }
                }
                resolved = candidates.toString();
            } else {
                resolved = absolute(value, origin, pageUrl, directory);
            }
            var replacement = matcher.group(1) + resolved + "\"";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }

    /** The value resolved as a browser would on the page; the prefix escaped for XML. */
    private static String absolute(String value, String origin, String pageUrl, String directory) {
        String prefix;
        if (value.isEmpty() || SCHEME.matcher(value).find() || value.startsWith("//")) {
            prefix = "";
        } else if (value.startsWith("/")) {
            prefix = origin;
        } else if (value.startsWith("#") || value.startsWith("?")) {
            prefix = pageUrl;
        } else {
            prefix = directory;
        }
        return Escaping.escapeXmlAttribute(prefix) + value;
    }

    /** {@code https://host:port} of an absolute URL: everything before its path. */
    private static String origin(String url) {
        int authority = url.indexOf("//") + 2;
        int path = url.indexOf('/', authority);
        return path < 0 ? url : url.substring(0, path);
    }
}
