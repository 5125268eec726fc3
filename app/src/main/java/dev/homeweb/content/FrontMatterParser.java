package dev.homeweb.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads front matter from the YAML node tree rather than from constructed Java objects, so every
 * value is taken as written (no implicit dates or numbers) and every error can name its line.
 */
final class FrontMatterParser {

    /** Thrown with the 1-based line in the file where the problem is. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Problem(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private final LoaderOptions options;
    // Read-only once built, so one serves every thread.
    private final Resolver resolver = new Resolver();

    FrontMatterParser() {
        options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1_000_000);
    }

    /**
     * @param yaml the text between the two {@code ---} lines
     * @param firstLine the file's line number of the first YAML line
     */
    FrontMatter parse(String yaml, int firstLine) throws Problem {
        Node root;
        try {
            // A bare Composer: what Yaml.compose runs, without building a Yaml (its dumper and
            // constructor) for every file.
            root =
                    new Composer(new ParserImpl(new StreamReader(yaml), options), resolver, options)
                            .getSingleNode();
        } catch (MarkedYAMLException e) {
            int line =
                    e.getProblemMark() == null
                            ? firstLine
                            : firstLine + e.getProblemMark().getLine();
            throw new Problem(line, "front matter is not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new Problem(firstLine, "front matter is not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new Problem(
                    firstLine, "front matter must be key: value lines, such as 'title: Hello'");
        }
        Map<String, Node> values = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (var tuple : mapping.getValue()) {
            int line = firstLine + tuple.getKeyNode().getStartMark().getLine();
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new Problem(line, "front-matter keys must be plain words");
            }
            var key = keyNode.getValue();
            if (!FrontMatter.KEYS.contains(key)) {
                throw new Problem(
                        line,
                        "unknown front-matter key '"
                                + key
                                + "'; allowed keys: "
                                + String.join(", ", FrontMatter.KEYS));
            }
            values.put(key, tuple.getValueNode());
            lines.put(key, firstLine + tuple.getValueNode().getStartMark().getLine());
        }
        var reader = new Values(values, lines, firstLine);
        var title = reader.requiredText("title");
        var date =
                reader.instant("date")
                        .orElseThrow(
                                () ->
                                        new Problem(
                                                firstLine,
                                                "missing required front-matter key 'date' (for example date: 2026-01-31)"));
        return new FrontMatter(
                title,
                date,
                reader.text("slug"),
                reader.list("tags"),
                reader.text("summary"),
                reader.instant("updated"),
                reader.bool("draft").orElse(false),
                aliases(reader.list("aliases"), lines.getOrDefault("aliases", firstLine)),
                reader.bool("toc").orElse(false));
    }

    private static final java.util.regex.Pattern ALIAS =
            java.util.regex.Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");

    /** Old addresses of the post: absolute paths on this site, such as /2019/01/old-title.html. */
    private static List<String> aliases(List<String> values, int line) throws Problem {
        var result = new ArrayList<String>();
        for (var value : values) {
            if (!ALIAS.matcher(value).matches() || value.contains("//") || value.length() > 500) {
                throw new Problem(
                        line,
                        "alias '"
                                + value
                                + "' is not a path on this site; use a path such as"
                                + " /2019/01/old-title.html");
            }
            var normalized =
                    value.length() > 1 && value.endsWith("/")
                            ? value.substring(0, value.length() - 1)
                            : value;
            if (normalized.equals("/")) {
                throw new Problem(line, "alias '/' would hide the home page");
            }
            result.add(normalized);
        }
        return result;
    }

    private record Values(Map<String, Node> nodes, Map<String, Integer> lines, int firstLine) {

        Optional<String> text(String key) throws Problem {
            var node = nodes.get(key);
            if (node == null || isNull(node)) {
                return Optional.empty();
            }
            if (!(node instanceof ScalarNode scalar)) {
                throw new Problem(lines.get(key), "'" + key + "' must be a single line of text");
            }
            var value = scalar.getValue().strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        String requiredText(String key) throws Problem {
            return text(key)
                    .orElseThrow(
                            () ->
                                    new Problem(
                                            lines.getOrDefault(key, firstLine),
                                            "missing required front-matter key '" + key + "'"));
        }

        List<String> list(String key) throws Problem {
            var node = nodes.get(key);
            if (node == null || isNull(node)) {
                return List.of();
            }
            if (node instanceof ScalarNode) {
                return text(key).map(List::of).orElse(List.of());
            }
            if (!(node instanceof SequenceNode sequence)) {
                throw new Problem(
                        lines.get(key), "'" + key + "' must be a list such as [java, deploy]");
            }
            var result = new ArrayList<String>();
            for (var item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                    throw new Problem(
                            firstLine + item.getStartMark().getLine(),
                            "'" + key + "' must be a list of words such as [java, deploy]");
                }
                result.add(scalar.getValue().strip());
            }
            return result;
        }

        Optional<Boolean> bool(String key) throws Problem {
            var value = text(key);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            return switch (value.get()) {
                case "true", "yes" -> Optional.of(true);
                case "false", "no" -> Optional.of(false);
                default ->
                        throw new Problem(
                                lines.get(key),
                                "'" + key + "' is '" + value.get() + "'; use true or false");
            };
        }

        Optional<Instant> instant(String key) throws Problem {
            var value = text(key);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parseInstant(value.get()));
            } catch (DateTimeException e) {
                throw new Problem(
                        lines.get(key),
                        "bad date '"
                                + value.get()
                                + "' for '"
                                + key
                                + "'; use YYYY-MM-DD or a date-time such as 2026-01-31T09:30:00Z");
            }
        }

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode scalar
                    && (scalar.getValue().isEmpty()
                            || scalar.getValue().equals("~")
                            || scalar.getValue().equals("null"))
                    && scalar.getScalarStyle()
                            == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
        }
    }

    /** Dates without an offset are taken as UTC, as Hugo does without a configured zone. */
    static Instant parseInstant(String text) {
        var value = text.strip().replace(' ', 'T');
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        }
    }
}
