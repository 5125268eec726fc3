package dev.homeweb.content;

import dev.homeweb.config.AppConfig;
import dev.homeweb.config.SiteYaml;
import dev.homeweb.content.FrontMatterFields.Field;
import dev.homeweb.content.FrontMatterFields.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code content/site.yaml}, the site's title, description, author, language, navigation,
 * footer and discuss address, with the same YAML reading as front matter, so every error names the
 * file and line.
 */
public final class SiteYamlReader {
    public static final String FILE_NAME = "site.yaml";
    static final List<String> KEYS =
            List.of(
                    "title",
                    "description",
                    "author",
                    "language",
                    "navigation",
                    "footer",
                    "discuss");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern URL = Pattern.compile("(/|https?://|mailto:)\\S*");

    private final YamlFrontMatter yaml = new YamlFrontMatter();

    /** The file's settings; {@link SiteYaml#NONE} when {@code contentDir} has no site.yaml. */
    public SiteYaml read(Path contentDir) {
        var file = contentDir.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return SiteYaml.NONE;
        } catch (CharacterCodingException e) {
            throw error(file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (text.isBlank()) {
            return SiteYaml.NONE;
        }
        try {
            return settings(yaml.parse(text, 1));
        } catch (Problem p) {
            throw error(file, p.line, p.getMessage().replace("front matter", FILE_NAME));
        }
    }

    private static SiteYaml settings(FrontMatterFields fields) throws Problem {
        var values = new HashMap<String, String>();
        var navigation = new ArrayList<SiteYaml.NavLink>();
        for (var field : fields.fields()) {
            if (!KEYS.contains(field.key())) {
                throw new Problem(
                        field.line(),
                        "unknown key '"
                                + field.key()
                                + "'; "
                                + FILE_NAME
                                + " knows "
                                + String.join(", ", KEYS));
            }
            if (field.key().equals("navigation")) {
                navigation.addAll(navigation(field));
            } else {
                values.put(field.key(), text(field));
            }
        }
        check(
                fields,
                "language",
                values,
                v -> LANGUAGE.matcher(v).matches(),
                "a language tag such as en or pt-BR");
        check(
                fields,
                "discuss",
                values,
                AppConfig::isEmailAddress,
                "an e-mail address such as you@example.org");
        return new SiteYaml(
                value(values, "title"),
                value(values, "description"),
                value(values, "author"),
                value(values, "language"),
                navigation,
                value(values, "footer"),
                value(values, "discuss"));
    }

    private static List<SiteYaml.NavLink> navigation(Field field) throws Problem {
        if (!(field.value() instanceof FrontMatterFields.Items items)) {
            throw new Problem(
                    field.line(),
                    "navigation must be a list of links, each '- title: About' and 'url: /about'");
        }
        var links = new ArrayList<SiteYaml.NavLink>();
        for (var item : items.items()) {
            if (!(item.value() instanceof FrontMatterFields.Table table)) {
                throw new Problem(
                        item.line(),
                        "a navigation link has a title and a url, on lines of their own");
            }
            String title = null;
            String url = null;
            for (var part : table.fields()) {
                switch (part.key()) {
                    case "title" -> title = text(part);
                    case "url" -> url = text(part);
                    default ->
                            throw new Problem(
                                    part.line(),
                                    "unknown navigation key '"
                                            + part.key()
                                            + "'; a link has title and url");
                }
            }
            if (title == null || url == null) {
                throw new Problem(item.line(), "a navigation link needs both title and url");
            }
            if (!URL.matcher(url).matches()) {
                throw new Problem(
                        item.line(),
                        "navigation url '"
                                + url
                                + "' is neither a path such as /about nor an http(s) or mailto URL");
            }
            links.add(new SiteYaml.NavLink(title, url));
        }
        return links;
    }

    private static String text(Field field) throws Problem {
        if (field.value() instanceof FrontMatterFields.Text t && !t.text().isBlank()) {
            return t.text().strip();
        }
        throw new Problem(field.line(), field.key() + " must be a line of text");
    }

    private static void check(
            FrontMatterFields fields,
            String key,
            Map<String, String> values,
            java.util.function.Predicate<String> valid,
            String expected)
            throws Problem {
        var value = values.get(key);
        if (value != null && !valid.test(value)) {
            int line =
                    fields.fields().stream()
                            .filter(f -> f.key().equals(key))
                            .mapToInt(Field::line)
                            .findFirst()
                            .orElse(1);
            throw new Problem(line, key + " '" + value + "' is not " + expected);
        }
    }

    private static Optional<String> value(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key));
    }

    private static ContentException error(Path file, int line, String message) {
        return new ContentException(List.of(new ContentError(file, line, message)));
    }
}
