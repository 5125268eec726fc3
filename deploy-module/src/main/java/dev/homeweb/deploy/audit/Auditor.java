package dev.homeweb.deploy.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one format of {@code ROOT/audit.log}: {@code TIME key=value ...}, keys in {@link Field}
 * order, a value with a space in double quotes. The deployer writes its lines with {@link #line}
 * and {@link #appendScript}; the node's rollback script gets its {@code printf} from {@link
 * #shellAppend}, so both always write the same shape of line.
 */
public final class Auditor {
    /** The fields of a line, in the order they are written; each is optional but the time. */
    public enum Field {
        NODE,
        ACTION,
        RELEASE,
        PREVIOUS,
        BY,
        REASON,
        STEP,
        RESULT,
        SECONDS;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A shell function that double-quotes a word holding a space, as {@link #line} does. */
    public static final String SHELL_QUOTE_FUNCTION =
            "audit_word() { case \"$1\" in *' '*) printf '\"%s\"' \"$1\" ;; *) printf '%s' \"$1\" ;;"
                    + " esac; }\n";

    private Auditor() {}

    /** One line, without its newline. */
    public static String line(Instant at, Map<Field, String> values) {
        var fields = new EnumMap<Field, String>(values);
        var text = new StringBuilder(at.truncatedTo(ChronoUnit.SECONDS).toString());
        fields.forEach(
                (field, value) ->
                        text.append(' ')
                                .append(field.key())
                                .append('=')
                                .append(word(field, value)));
        return text.toString();
    }

    /** A script that appends {@code line} to {@code logFile}; the line travels as a quoted word. */
    public static String appendScript(String line, String logFile) {
        if (line.contains("\n")) {
            throw new IllegalArgumentException("an audit line is one line: " + line);
        }
        return "printf '%s\\n' '" + line.replace("'", "'\\''") + "' >> " + logFile + "\n";
    }

    /**
     * The shell commands that append one line whose values are shell words (such as {@code
     * "$release"}); {@code time} is a shell word for the UTC time as ISO-8601 in seconds. Needs
     * {@link #SHELL_QUOTE_FUNCTION} defined earlier in the script.
     */
    public static String shellAppend(String time, Map<Field, String> words, String logFile) {
        var fields = new EnumMap<Field, String>(words);
        var format =
                fields.keySet().stream()
                        .map(f -> " " + f.key() + "=%s")
                        .collect(Collectors.joining("", "'%s", "\\n'"));
        var script = new StringBuilder("printf " + format + " \\\n    " + time);
        for (var word : fields.values()) {
            script.append(" \\\n    \"$(audit_word ").append(word).append(")\"");
        }
        return script.append(" \\\n    >>").append(logFile).append('\n').toString();
    }

    private static String word(Field field, String value) {
        Objects.requireNonNull(value, field.key());
        if (value.isEmpty() || value.contains("\"") || value.contains("\n")) {
            throw new IllegalArgumentException(
                    "audit field "
                            + field.key()
                            + " must be non-empty, one line and without '\"': "
                            + value);
        }
        return value.contains(" ") ? "\"" + value + "\"" : value;
    }
}
