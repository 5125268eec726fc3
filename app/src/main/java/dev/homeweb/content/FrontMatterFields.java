package dev.homeweb.content;

import java.util.List;
import java.util.Objects;

/**
 * Front matter as written, YAML or TOML, before its keys are mapped onto ours: every key and list
 * item keeps the file line it came from, so any later error can name it.
 */
record FrontMatterFields(List<Field> fields) {
    FrontMatterFields {
        fields = List.copyOf(fields);
    }

    /** One {@code key: value} (or {@code key = value}); {@code line} is the file's line. */
    record Field(String key, int line, Value value) {
        Field {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A value as the file's syntax gave it. */
    sealed interface Value permits Text, Items, Table, Empty {}

    /** A single value, taken as written (a TOML number or boolean as its text). */
    record Text(String text) implements Value {
        Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A list; each item keeps its own line. */
    record Items(List<Item> items) implements Value {
        Items {
            items = List.copyOf(items);
        }
    }

    /** A list item and its line. */
    record Item(Value value, int line) {
        Item {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A nested table, such as Zola's {@code [taxonomies]}. */
    record Table(List<Field> fields) implements Value {
        Table {
            fields = List.copyOf(fields);
        }
    }

    /** A key with no value ({@code summary:} in YAML, or {@code ~}). */
    enum Empty implements Value {
        VALUE
    }

    /** Thrown with the 1-based line in the file where the problem is. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Problem(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
