package dev.homeweb.deploy.units;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A unit file's text as section, key and the values of each line with that key, in order. */
record UnitSections(Map<String, Map<String, List<String>>> sections) {

    static UnitSections parse(String text) {
        var sections = new LinkedHashMap<String, Map<String, List<String>>>();
        Map<String, List<String>> current = null;
        // As systemd reads them: a line ending in a backslash goes on, the backslash a space.
        for (var line : text.replace("\\\n", " ").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = sections.computeIfAbsent(line, s -> new LinkedHashMap<>());
                continue;
            }
            var equals = line.indexOf('=');
            if (current == null || equals < 1) {
                throw new IllegalArgumentException("not a unit file line: " + line);
            }
            current.computeIfAbsent(line.substring(0, equals), k -> new ArrayList<>())
                    .add(line.substring(equals + 1));
        }
        return new UnitSections(sections);
    }

    /** The section's keys and values; empty when the unit has no such section. */
    Map<String, List<String>> section(String name) {
        return sections.getOrDefault("[" + name + "]", Map.of());
    }

    /** The one value of a key, or "" when the key is absent. */
    String value(String section, String key) {
        var values = section(section).getOrDefault(key, List.of());
        if (values.size() > 1) {
            throw new IllegalStateException(key + "= appears " + values.size() + " times");
        }
        return values.isEmpty() ? "" : values.get(0);
    }
}
