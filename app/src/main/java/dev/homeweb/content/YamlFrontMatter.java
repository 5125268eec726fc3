package dev.homeweb.content;

import dev.homeweb.content.FrontMatterFields.Field;
import dev.homeweb.content.FrontMatterFields.Problem;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
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
 * Reads {@code ---} front matter from the YAML node tree rather than from constructed Java objects,
 * so every value is taken as written (no implicit dates or numbers) and every key keeps its line.
 */
final class YamlFrontMatter {
    private final LoaderOptions options;
    // Read-only once built, so one serves every thread.
    private final Resolver resolver = new Resolver();

    YamlFrontMatter() {
        options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1_000_000);
    }

    /**
     * @param yaml the text between the two {@code ---} lines
     * @param firstLine the file's line number of the first YAML line
     */
    FrontMatterFields parse(String yaml, int firstLine) throws Problem {
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
        return new FrontMatterFields(fields(mapping, firstLine));
    }

    private static List<Field> fields(MappingNode mapping, int firstLine) throws Problem {
        var fields = new ArrayList<Field>();
        for (var tuple : mapping.getValue()) {
            int line = firstLine + tuple.getKeyNode().getStartMark().getLine();
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new Problem(line, "front-matter keys must be plain words");
            }
            fields.add(new Field(key.getValue(), line, value(tuple.getValueNode(), firstLine)));
        }
        return fields;
    }

    private static FrontMatterFields.Value value(Node node, int firstLine) throws Problem {
        if (node instanceof ScalarNode scalar) {
            return isNull(scalar)
                    ? FrontMatterFields.Empty.VALUE
                    : new FrontMatterFields.Text(scalar.getValue());
        }
        if (node instanceof SequenceNode sequence) {
            var items = new ArrayList<FrontMatterFields.Item>();
            for (var item : sequence.getValue()) {
                items.add(
                        new FrontMatterFields.Item(
                                value(item, firstLine), firstLine + item.getStartMark().getLine()));
            }
            return new FrontMatterFields.Items(items);
        }
        if (node instanceof MappingNode mapping) {
            return new FrontMatterFields.Table(fields(mapping, firstLine));
        }
        throw new Problem(
                firstLine + node.getStartMark().getLine(),
                "front-matter values must be text, lists or key: value groups");
    }

    private static boolean isNull(ScalarNode scalar) {
        return (scalar.getValue().isEmpty()
                        || scalar.getValue().equals("~")
                        || scalar.getValue().equals("null"))
                && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    }
}
