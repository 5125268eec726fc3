package dev.homeweb.deploy.release;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One migration of a release as its {@code migrations.txt} line records it: the file name, its
 * version, and whether it is declared backward compatible (a line {@value #MARKER} in the file), so
 * that older releases still run on the schema it leaves and rolling back past it is safe.
 */
public record Migration(String name, int version, boolean backwardCompatible) {
    /** The comment line that declares a migration backward compatible. */
    public static final String MARKER = "-- home-web: backward-compatible";

    private static final Pattern NAME = Pattern.compile("V([0-9]{1,9})__[A-Za-z0-9_.-]+\\.sql");

    public Migration {
        Objects.requireNonNull(name, "name");
        var m = NAME.matcher(name);
        if (!m.matches() || Integer.parseInt(m.group(1)) != version) {
            throw new IllegalArgumentException(
                    "migration name '" + name + "' is not V<version>__<words>.sql for " + version);
        }
    }

    /** A migration file: its name and its text, which may carry the {@link #MARKER}. */
    public static Migration of(String name, String sql) {
        boolean marked = sql.lines().map(String::strip).anyMatch(MARKER::equalsIgnoreCase);
        return new Migration(name, versionOf(name), marked);
    }

    /** Reads a {@code migrations.txt} line: the name, then {@code backward-compatible} or not. */
    public static Migration parse(String line) {
        var words = line.strip().split("\\s+");
        return new Migration(
                words[0],
                versionOf(words[0]),
                words.length > 1 && words[1].equals("backward-compatible"));
    }

    public String line() {
        return backwardCompatible ? name + " backward-compatible" : name;
    }

    private static int versionOf(String name) {
        var m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "migration name '" + name + "' is not V<version>__<words>.sql");
        }
        return Integer.parseInt(m.group(1));
    }

    /** The schema version a list of {@code migrations.txt} lines was built for: its highest. */
    public static int schemaVersion(java.util.List<String> lines) {
        return lines.stream().mapToInt(l -> parse(l).version()).max().orElse(0);
    }
}
