package dev.homeweb.content;

import dev.homeweb.routes.Routes;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a post had under a Hugo {@code [permalinks]} or Jekyll {@code permalink:} pattern, so
 * that it can be kept as an alias. Dates are taken in UTC, as everywhere here.
 */
public final class Permalinks {
    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");
    private static final Map<String, String> JEKYLL_STYLES =
            Map.of(
                    "date", "/:categories/:year/:month/:day/:title:output_ext",
                    "pretty", "/:categories/:year/:month/:day/:title/",
                    "ordinal", "/:categories/:year/:y_day/:title:output_ext",
                    "none", "/:categories/:title:output_ext");

    private final String option;
    private final String pattern;
    private final Map<String, Function<SourcePost, String>> placeholders;

    private Permalinks(
            String option, String pattern, Map<String, Function<SourcePost, String>> placeholders) {
        this.option = option;
        this.pattern = pattern;
        this.placeholders = placeholders;
        var unknown =
                PLACEHOLDER
                        .matcher(pattern)
                        .results()
                        .map(m -> m.group(1))
                        .filter(p -> !placeholders.containsKey(p))
                        .toList();
        if (!pattern.startsWith("/") || !unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    option
                            + " '"
                            + pattern
                            + "': "
                            + (unknown.isEmpty()
                                    ? "a pattern starts with '/'"
                                    : "unknown placeholder ':" + unknown.get(0) + "'")
                            + "; use "
                            + placeholders.keySet().stream()
                                    .sorted()
                                    .map(p -> ":" + p)
                                    .collect(Collectors.joining(", ")));
        }
    }

    /** As Hugo's {@code [permalinks] posts = "/:year/:month/:slug/"}. */
    public static Permalinks hugo(String pattern) {
        Function<SourcePost, String> slug =
                p -> p.frontMatter().slug().orElseGet(() -> urlize(p.frontMatter().title()));
        var placeholders = dates();
        placeholders.put("slug", slug);
        placeholders.put("title", p -> urlize(p.frontMatter().title()));
        placeholders.put("filename", Permalinks::fileName);
        placeholders.put(
                "slugorfilename", p -> p.frontMatter().slug().orElseGet(() -> fileName(p)));
        placeholders.put("section", p -> p.file().getParent().getFileName().toString());
        return new Permalinks("--hugo-permalinks", pattern, placeholders);
    }

    /**
     * As Jekyll's {@code permalink:}: a pattern, or one of date (its default), pretty, ordinal,
     * none.
     */
    public static Permalinks jekyll(String pattern) {
        var placeholders = dates();
        placeholders.put("title", SourcePost::slug);
        placeholders.put("slug", SourcePost::slug);
        placeholders.put(
                "categories",
                p ->
                        p.frontMatter().categories().stream()
                                .map(c -> c.toLowerCase(Locale.ROOT))
                                .distinct()
                                .collect(Collectors.joining("/")));
        placeholders.put("output_ext", p -> ".html");
        return new Permalinks(
                "--jekyll-permalink", JEKYLL_STYLES.getOrDefault(pattern, pattern), placeholders);
    }

    private static Map<String, Function<SourcePost, String>> dates() {
        var dates = new HashMap<String, Function<SourcePost, String>>();
        dates.put("year", p -> "%04d".formatted(date(p).getYear()));
        dates.put("short_year", p -> "%02d".formatted(date(p).getYear() % 100));
        dates.put("month", p -> "%02d".formatted(date(p).getMonthValue()));
        dates.put("i_month", p -> Integer.toString(date(p).getMonthValue()));
        dates.put("day", p -> "%02d".formatted(date(p).getDayOfMonth()));
        dates.put("i_day", p -> Integer.toString(date(p).getDayOfMonth()));
        dates.put("y_day", p -> "%03d".formatted(date(p).getDayOfYear()));
        return dates;
    }

    /** The post's address under the pattern, as an alias: without a trailing slash. */
    public String address(SourcePost post) {
        Objects.requireNonNull(post, "post");
        var expanded =
                PLACEHOLDER
                        .matcher(pattern)
                        .replaceAll(m -> Matcher.quoteReplacement(value(m.group(1), post)));
        // An empty part (a post without categories) leaves no empty segment, as in Jekyll.
        var path = expanded.replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1)
                : path;
    }

    /**
     * The posts whose old address the pattern gives and their aliases do not list yet, each with
     * that address; a post whose address here is the same needs none, nor one with its own address,
     * nor a draft, which had no address.
     */
    public List<Map.Entry<SourcePost, String>> missingAliases(List<SourcePost> posts) {
        var missing = new ArrayList<Map.Entry<SourcePost, String>>();
        for (var post : posts) {
            var address = address(post);
            // As in Hugo and Jekyll, a post's own url or permalink wins over the pattern.
            if (!post.frontMatter().draft()
                    && post.frontMatter().address().isEmpty()
                    && !address.equals(Routes.post(post.slug()))
                    && !post.frontMatter().aliases().contains(address)) {
                missing.add(Map.entry(post, address));
            }
        }
        return missing;
    }

    @Override
    public String toString() {
        return option + " '" + pattern + "'";
    }

    private String value(String placeholder, SourcePost post) {
        return placeholders.get(placeholder).apply(post);
    }

    private static ZonedDateTime date(SourcePost post) {
        return post.frontMatter().date().atZone(ZoneOffset.UTC);
    }

    private static String fileName(SourcePost post) {
        var name = post.file().getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** Hugo's urlize for a title: lowercase, spaces as hyphens, punctuation dropped. */
    static String urlize(String title) {
        return title.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "-")
                .replaceAll("[^\\p{L}\\p{N}_.-]", "");
    }
}
