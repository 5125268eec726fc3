package dev.homeweb.content;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.homeweb.content.FrontMatterFields.Field;
import dev.homeweb.content.FrontMatterFields.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code +++} front matter (Hugo's and Zola's TOML). Dates stay text, as in YAML, and are
 * read by the same rules. The TOML library keeps no key positions, so each key's line is found by a
 * scan of the text for its {@code key =} line under its {@code [table]}.
 */
final class TomlFrontMatter {
    private static final Pattern TABLE =
            Pattern.compile("\\s*\\[\\[?\\s*([^\\[\\]]+?)\\s*]]?\\s*(?:#.*)?");
    private static final String KEY_PART = "(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')";
    private static final Pattern KEY =
            Pattern.compile("\\s*(" + KEY_PART + "(?:\\s*\\.\\s*" + KEY_PART + ")*)\\s*=.*");

    /**
     * Loaded on first use: only a content folder with TOML front matter pays for Jackson. The
     * factory's token stream, not a TomlMapper: building a mapper doubles what the first TOML file
     * costs (about 0.4 s more here).
     */
    private static final class Factory {
        static final TomlFactory INSTANCE = new TomlFactory();
    }

    /**
     * @param toml the text between the two {@code +++} lines
     * @param firstLine the file's line number of the first TOML line
     */
    FrontMatterFields parse(String toml, int firstLine) throws Problem {
        try (var parser = Factory.INSTANCE.createParser(toml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Problem(
                        firstLine,
                        "front matter must be key = value lines, such as title = \"Hello\"");
            }
            return new FrontMatterFields(table(parser, "", keyLines(toml, firstLine), firstLine));
        } catch (JacksonException e) {
            var location = e.getLocation();
            int line =
                    location == null || location.getLineNr() < 1
                            ? firstLine
                            : firstLine + location.getLineNr() - 1;
            throw new Problem(line, "front matter is not valid TOML: " + e.getOriginalMessage());
        } catch (IOException e) {
            // Reading a String fails only as a JacksonException.
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of the table whose START_OBJECT is the current token. */
    private static List<Field> table(
            JsonParser parser, String path, Map<String, Integer> lines, int tableLine)
            throws IOException {
        var fields = new ArrayList<Field>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            var name = parser.currentName();
            var key = path + name;
            int line = lines.getOrDefault(key, tableLine);
            parser.nextToken();
            fields.add(new Field(name, line, value(parser, key, lines, line)));
        }
        return fields;
    }

    private static FrontMatterFields.Value value(
            JsonParser parser, String path, Map<String, Integer> lines, int line)
            throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            return new FrontMatterFields.Table(table(parser, path + ".", lines, line));
        }
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            var items = new ArrayList<FrontMatterFields.Item>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(new FrontMatterFields.Item(value(parser, path, lines, line), line));
            }
            return new FrontMatterFields.Items(items);
        }
        // Strings, dates (kept as text), numbers and booleans: as written.
        return new FrontMatterFields.Text(parser.getText());
    }

    /** The line of each key, by its dotted path ({@code taxonomies.tags}). */
    static Map<String, Integer> keyLines(String toml, int firstLine) {
        var lines = new HashMap<String, Integer>();
        var table = "";
        boolean inMultilineString = false;
        var text = toml.split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            var line = text[i];
            // A key-like line inside a """ string is text, not a key.
            boolean startsInString = inMultilineString;
            if ((count(line, "\"\"\"") + count(line, "'''")) % 2 == 1) {
                inMultilineString = !inMultilineString;
            }
            if (startsInString) {
                continue;
            }
            var header = TABLE.matcher(line);
            if (header.matches()) {
                table = normalize(header.group(1)) + ".";
                lines.putIfAbsent(table.substring(0, table.length() - 1), firstLine + i);
                continue;
            }
            var key = KEY.matcher(line);
            if (key.matches()) {
                var path = table;
                for (var part : normalize(key.group(1)).split("\\.")) {
                    path += part;
                    lines.putIfAbsent(path, firstLine + i);
                    path += ".";
                }
            }
        }
        return lines;
    }

    private static String normalize(String dottedKey) {
        return dottedKey.replaceAll("\\s*\\.\\s*", ".").replace("\"", "").replace("'", "");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
