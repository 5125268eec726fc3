package dev.homeweb.content;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an import changed, and the front-matter keys it ignored (each with the number of posts that
 * have it), so a site brought from Hugo, Jekyll or Zola hears once what was left out.
 */
public record ImportReport(
        int added,
        int updated,
        int removed,
        int unchanged,
        SortedMap<String, Integer> ignoredKeys) {
    public ImportReport {
        if (added < 0 || updated < 0 || removed < 0 || unchanged < 0) {
            throw new IllegalArgumentException(
                    "negative count in " + added + "/" + updated + "/" + removed + "/" + unchanged);
        }
        ignoredKeys = Collections.unmodifiableSortedMap(new TreeMap<>(ignoredKeys));
    }

    public ImportReport(int added, int updated, int removed, int unchanged) {
        this(added, updated, removed, unchanged, new TreeMap<>());
    }

    public boolean changedAnything() {
        return added + updated + removed > 0;
    }

    /** The report with the ignored keys of these posts. */
    ImportReport withIgnoredKeysOf(Iterable<SourcePost> posts) {
        var counts = new TreeMap<String, Integer>();
        for (var post : posts) {
            for (var key : post.frontMatter().ignoredKeys()) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        return new ImportReport(added, updated, removed, unchanged, counts);
    }

    @Override
    public String toString() {
        var counts =
                added
                        + " added, "
                        + updated
                        + " updated, "
                        + removed
                        + " removed, "
                        + unchanged
                        + " unchanged";
        if (ignoredKeys.isEmpty()) {
            return counts;
        }
        return counts
                + "\nIgnored front-matter keys, used only by another tool's theme: "
                + ignoredKeys.entrySet().stream()
                        .map(ImportReport::describe)
                        .collect(Collectors.joining(", "));
    }

    private static String describe(Map.Entry<String, Integer> key) {
        return key.getKey() + " (" + key.getValue() + (key.getValue() == 1 ? " post)" : " posts)");
    }
}
