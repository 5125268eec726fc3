package dev.homeweb.deploy.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a node's {@code age_recipient:} into the text of {@code deploy.yaml}, keeping every other
 * line (and comment) as it was: the line is replaced if the node has one, else inserted right under
 * the node's name.
 */
public final class RecipientRecorder {
    private static final Pattern NODES = Pattern.compile("nodes:\\s*(#.*)?");

    private RecipientRecorder() {}

    public static String record(String text, String node, String recipient, Path file) {
        AgeRecipient.require("recipient", recipient);
        var lines = new ArrayList<>(text.lines().toList());
        int nodes = indexOf(lines, 0, NODES);
        int at = nodes < 0 ? -1 : nodeHeader(lines, nodes, node);
        if (at < 0) {
            throw new ConfigException(
                    "cannot find a block 'nodes: "
                            + node
                            + ":' in "
                            + file
                            + "; add 'age_recipient: "
                            + recipient
                            + "' under the node by hand");
        }
        int nodeIndent = indent(lines.get(at));
        int childIndent = nodeIndent + 2;
        int end = at + 1;
        boolean seenChild = false;
        int existing = -1;
        for (; end < lines.size(); end++) {
            var line = lines.get(end);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (indent(line) <= nodeIndent) {
                break;
            }
            if (!seenChild) {
                childIndent = indent(line);
                seenChild = true;
            }
            if (indent(line) == childIndent && line.strip().startsWith("age_recipient:")) {
                existing = end;
            }
        }
        var entry = " ".repeat(childIndent) + "age_recipient: " + recipient;
        if (existing >= 0) {
            lines.set(existing, entry);
        } else {
            lines.add(at + 1, entry);
        }
        var out = String.join("\n", lines) + "\n";
        var parsed = DeployConfig.parse(out, file.toAbsolutePath().getParent()).nodes().get(node);
        if (parsed == null || !parsed.ageRecipient().orElse("").equals(recipient)) {
            throw new ConfigException(
                    "could not record the recipient in "
                            + file
                            + "; add 'age_recipient: "
                            + recipient
                            + "' under nodes."
                            + node
                            + " by hand");
        }
        return out;
    }

    /** The line of {@code NODE:} among the direct children of the {@code nodes:} block. */
    private static int nodeHeader(List<String> lines, int nodes, String node) {
        var header = Pattern.compile(" +" + Pattern.quote(node) + ":\\s*(#.*)?");
        int childIndent = -1;
        for (int i = nodes + 1; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (indent(line) == 0) {
                return -1;
            }
            if (childIndent < 0) {
                childIndent = indent(line);
            }
            if (indent(line) == childIndent && header.matcher(line).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<String> lines, int from, Pattern pattern) {
        for (int i = from; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
