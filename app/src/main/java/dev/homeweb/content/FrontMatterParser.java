package dev.homeweb.content;

import dev.homeweb.content.FrontMatterFields.Field;
import dev.homeweb.content.FrontMatterFields.Problem;
import dev.homeweb.content.FrontMatterKeys.Target;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns front matter, YAML or TOML, into a {@link FrontMatter}: maps the keys of Hugo, Jekyll and
 * Zola onto ours ({@link FrontMatterKeys}), and checks every value, naming its line when wrong.
 */
final class FrontMatterParser {
    private static final List<String> PRECEDENCE = List.copyOf(FrontMatterKeys.READ.keySet());
    private static final Pattern ALIAS = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");
    // Jekyll's and Ruby's "2024-02-01 10:00:00 +0100"; TOML and YAML allow the space too.
    private static final Pattern DATE_TIME =
            Pattern.compile(
                    "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)"
                            + " ?([Zz]|[+-]\\d{2}:?\\d{2})?");

    private final YamlFrontMatter yaml = new YamlFrontMatter();
    private final TomlFrontMatter toml = new TomlFrontMatter();

    /**
     * @param text the text between the two {@code ---} lines
     * @param firstLine the file's line number of the first YAML line
     * @param fileDate the date a Jekyll file name gives, if any: used when no key gives one
     */
    FrontMatter parseYaml(String text, int firstLine, Optional<Instant> fileDate) throws Problem {
        return map(yaml.parse(text, firstLine), firstLine, fileDate);
    }

    /** As {@link #parseYaml}, for the text between two {@code +++} lines. */
    FrontMatter parseToml(String text, int firstLine, Optional<Instant> fileDate) throws Problem {
        return map(toml.parse(text, firstLine), firstLine, fileDate);
    }

    private FrontMatter map(FrontMatterFields fields, int firstLine, Optional<Instant> fileDate)
            throws Problem {
        var byTarget = new EnumMap<Target, List<Field>>(Target.class);
        var ignored = new TreeSet<String>();
        var lines = new HashMap<String, Integer>();
        for (var field : fields.fields()) {
            var key = field.key().toLowerCase(Locale.ROOT);
            var before = lines.putIfAbsent(key, field.line());
            if (before != null) {
                throw new Problem(
                        field.line(),
                        "front-matter key '"
                                + field.key()
                                + "' is given twice (also on line "
                                + before
                                + "; keys ignore case)");
            }
            var target = FrontMatterKeys.READ.get(key);
            if (target != null) {
                byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(field);
            } else if (FrontMatterKeys.IGNORED.contains(key)) {
                ignored.add(key);
            } else {
                throw unknown(field);
            }
        }
        for (var list : byTarget.values()) {
            list.sort(Comparator.comparingInt(f -> PRECEDENCE.indexOf(lower(f.key()))));
        }
        var values = new FrontMatterValues(byTarget);
        var title =
                values.text(Target.TITLE)
                        .orElseThrow(
                                () ->
                                        new Problem(
                                                firstLine,
                                                "missing required front-matter key 'title'"));
        var date = values.instant(Target.DATE).or(() -> fileDate);
        if (date.isEmpty()) {
            throw new Problem(
                    firstLine,
                    "missing required front-matter key 'date' (for example date: 2026-01-31)");
        }
        var address = address(values);
        var taxonomies = byTarget.getOrDefault(Target.TAXONOMIES, List.<Field>of());
        var categories = categories(values, taxonomies, ignored);
        boolean draft =
                values.bool(Target.DRAFT).orElse(false)
                        || !values.bool(Target.PUBLISHED).orElse(true);
        return new FrontMatter(
                title,
                date.get(),
                values.text(Target.SLUG),
                tags(values, categories, taxonomies),
                categories,
                values.text(Target.SUMMARY),
                values.instant(Target.UPDATED),
                draft,
                aliases(values, address),
                address,
                values.bool(Target.TOC).orElse(false),
                image(values),
                ignored);
    }

    private static Optional<FrontMatter.ImageKey> image(FrontMatterValues values) throws Problem {
        var field = values.first(Target.IMAGE);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        var text = FrontMatterValues.text(field.get());
        return text.map(t -> new FrontMatter.ImageKey(t, field.get().line()));
    }

    private static Problem unknown(Field field) {
        var hint =
                FrontMatterKeys.closest(field.key())
                        .map(known -> "; did you mean '" + known + "'? Keys read: ")
                        .orElse("; keys read: ");
        return new Problem(
                field.line(),
                "unknown front-matter key '"
                        + field.key()
                        + "'"
                        + hint
                        + String.join(", ", FrontMatter.KEYS)
                        + ", and the Hugo, Jekyll and Zola keys in the README's table");
    }

    /** Tags, Zola's tags, then the categories; each spelling once. */
    private static List<String> tags(
            FrontMatterValues values, List<String> categories, List<Field> taxonomies)
            throws Problem {
        var tags = new LinkedHashSet<String>();
        for (var word : values.words(Target.TAGS, false)) {
            tags.add(word.text());
        }
        tags.addAll(taxonomy(taxonomies, "tags"));
        tags.addAll(categories);
        return List.copyOf(tags);
    }

    /** Hugo's and Jekyll's categories, then Zola's; the other taxonomies are ignored. */
    private static List<String> categories(
            FrontMatterValues values, List<Field> taxonomies, TreeSet<String> ignored)
            throws Problem {
        var categories = new LinkedHashSet<String>();
        for (var word : values.words(Target.CATEGORIES, true)) {
            categories.add(word.text());
        }
        categories.addAll(taxonomy(taxonomies, "categories"));
        for (var field : taxonomies) {
            for (var taxonomy : taxonomies(field)) {
                var name = lower(taxonomy.key());
                if (!name.equals("tags") && !name.equals("categories")) {
                    ignored.add(lower(field.key()) + "." + name);
                }
            }
        }
        return List.copyOf(categories);
    }

    /** The words of one Zola taxonomy, such as {@code [taxonomies] tags = [...]}. */
    private static List<String> taxonomy(List<Field> taxonomies, String name) throws Problem {
        var words = new ArrayList<String>();
        for (var field : taxonomies) {
            for (var taxonomy : taxonomies(field)) {
                if (lower(taxonomy.key()).equals(name)) {
                    for (var word : FrontMatterValues.words(taxonomy)) {
                        words.add(word.text());
                    }
                }
            }
        }
        return words;
    }

    private static List<Field> taxonomies(Field field) throws Problem {
        if (!(field.value() instanceof FrontMatterFields.Table table)) {
            throw new Problem(
                    field.line(), "'" + field.key() + "' must be a table such as [taxonomies]");
        }
        return table.fields();
    }

    /** Old addresses: {@code aliases} as given, then the other tool's own address of the post. */
    private static List<String> aliases(FrontMatterValues values, Optional<String> address)
            throws Problem {
        var result = new ArrayList<String>();
        for (var word : values.words(Target.ALIASES, false)) {
            result.add(alias(word.text(), word.line()));
        }
        address.ifPresent(result::add);
        return result;
    }

    /** Hugo's {@code url}, Jekyll's {@code permalink} or Zola's {@code path}, as an alias. */
    private static Optional<String> address(FrontMatterValues values) throws Problem {
        var field = values.first(Target.ADDRESS);
        var address =
                field.isEmpty() ? Optional.<String>empty() : FrontMatterValues.text(field.get());
        if (address.isEmpty()) {
            return Optional.empty();
        }
        var path = address.get();
        // Hugo's url and Zola's path may leave out the leading slash: both mean the root.
        return Optional.of(
                alias(
                        path.startsWith("/") || path.contains("://") ? path : "/" + path,
                        field.get().line()));
    }

    /** An old address of the post: an absolute path on this site, such as /2019/01/old.html. */
    private static String alias(String value, int line) throws Problem {
        if (!ALIAS.matcher(value).matches() || value.contains("//") || value.length() > 500) {
            throw new Problem(
                    line,
                    "alias '"
                            + value
                            + "' is not a path on this site; use a path such as"
                            + " /2019/01/old-title.html");
        }
        if (value.matches(".*/:[a-z_]+.*")) {
            throw new Problem(
                    line,
                    "'"
                            + value
                            + "' is a permalink pattern, not an address; give the post's old"
                            + " address, such as /2024/02/01/my-post.html");
        }
        var normalized =
                value.length() > 1 && value.endsWith("/")
                        ? value.substring(0, value.length() - 1)
                        : value;
        if (normalized.equals("/")) {
            throw new Problem(line, "alias '/' would hide the home page");
        }
        return normalized;
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /** Dates without an offset are taken as UTC, as Hugo does without a configured zone. */
    static Instant parseInstant(String text) {
        var value = text.strip();
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        var parts = DATE_TIME.matcher(value);
        if (!parts.matches()) {
            throw new DateTimeException("not a date-time: " + value);
        }
        var local = LocalDateTime.parse(parts.group(1) + "T" + parts.group(2));
        var offset = parts.group(3);
        if (offset == null) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (offset.length() == 5) {
            offset = offset.substring(0, 3) + ":" + offset.substring(3);
        }
        return OffsetDateTime.of(local, ZoneOffset.of(offset.toUpperCase(Locale.ROOT))).toInstant();
    }
}
