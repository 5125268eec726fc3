package dev.homeweb.content;

import dev.homeweb.content.FrontMatterFields.Field;
import dev.homeweb.content.FrontMatterFields.Problem;
import dev.homeweb.content.FrontMatterKeys.Target;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The front-matter fields given for each target, read as text, words, booleans or dates; a wrong
 * value is a problem naming its line and key.
 */
record FrontMatterValues(Map<Target, List<Field>> byTarget) {
    /** A list item or single value, with its line. */
    record Word(String text, int line) {}

    List<Field> fields(Target target) {
        return byTarget.getOrDefault(target, List.of());
    }

    Optional<Field> first(Target target) {
        return fields(target).stream().findFirst();
    }

    Optional<String> text(Target target) throws Problem {
        var field = first(target);
        return field.isEmpty() ? Optional.empty() : text(field.get());
    }

    static Optional<String> text(Field field) throws Problem {
        if (field.value() instanceof FrontMatterFields.Empty) {
            return Optional.empty();
        }
        if (!(field.value() instanceof FrontMatterFields.Text text)) {
            throw new Problem(field.line(), "'" + field.key() + "' must be a single line of text");
        }
        var value = text.text().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Every field's words; {@code spaced}: one line of text is a space-separated list. */
    List<Word> words(Target target, boolean spaced) throws Problem {
        var words = new ArrayList<Word>();
        for (var field : fields(target)) {
            if (spaced && field.value() instanceof FrontMatterFields.Text text) {
                for (var word : text.text().strip().split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.add(new Word(word, field.line()));
                    }
                }
            } else {
                words.addAll(words(field));
            }
        }
        return words;
    }

    static List<Word> words(Field field) throws Problem {
        if (field.value() instanceof FrontMatterFields.Items list) {
            var words = new ArrayList<Word>();
            for (var item : list.items()) {
                if (!(item.value() instanceof FrontMatterFields.Text text)
                        || text.text().isBlank()) {
                    throw new Problem(
                            item.line(),
                            "'" + field.key() + "' must be a list of words such as [java, deploy]");
                }
                words.add(new Word(text.text().strip(), item.line()));
            }
            return words;
        }
        if (field.value() instanceof FrontMatterFields.Table) {
            throw new Problem(
                    field.line(), "'" + field.key() + "' must be a list such as [java, deploy]");
        }
        return text(field).map(t -> List.of(new Word(t, field.line()))).orElse(List.of());
    }

    Optional<Boolean> bool(Target target) throws Problem {
        var field = first(target);
        var value = field.isEmpty() ? Optional.<String>empty() : text(field.get());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        // YAML 1.1, which Jekyll and older Hugo sites were written for, also says True, On, Off.
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default ->
                    throw new Problem(
                            field.get().line(),
                            "'"
                                    + field.get().key()
                                    + "' is '"
                                    + value.get()
                                    + "'; use true or false");
        };
    }

    Optional<Instant> instant(Target target) throws Problem {
        var field = first(target);
        var value = field.isEmpty() ? Optional.<String>empty() : text(field.get());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FrontMatterParser.parseInstant(value.get()));
        } catch (DateTimeException e) {
            throw new Problem(
                    field.get().line(),
                    "bad date '"
                            + value.get()
                            + "' for '"
                            + field.get().key()
                            + "'; use YYYY-MM-DD or a date-time such as 2026-01-31T09:30:00Z");
        }
    }
}
