package dev.homeweb.deploy.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of the YAML file with its dotted path, so every error names the key it is about.
 * {@link #requireOnly} rejects keys nobody asked for (typos must not be silently ignored).
 */
final class Section {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final String path;
    private final Map<String, Object> values;

    Section(String path, Map<?, ?> raw) {
        this.path = path;
        this.values = new LinkedHashMap<>();
        raw.forEach((k, v) -> values.put(String.valueOf(k), v));
    }

    static Section root(Map<?, ?> raw) {
        return new Section("", raw);
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void requireOnly(Set<String> known) {
        for (var key : values.keySet()) {
            if (!known.contains(key)) {
                throw new ConfigException(
                        "unknown key '"
                                + path(key)
                                + "'; known keys here: "
                                + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    Set<String> keys() {
        return values.keySet();
    }

    Optional<Section> section(String key) {
        var value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException("'" + path(key) + "' must be a mapping of keys to values");
        }
        return Optional.of(new Section(path(key), map));
    }

    Optional<String> string(String key) {
        var value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new ConfigException("'" + path(key) + "' must be a single value");
        }
        var text = String.valueOf(value).strip();
        if (text.isEmpty()) {
            throw new ConfigException("'" + path(key) + "' is empty");
        }
        return Optional.of(text);
    }

    /**
     * A one-word choice such as {@code off}; YAML 1.1 reads a bare {@code off}/{@code on} as a
     * boolean, which is given back as the word written.
     */
    Optional<String> word(String key) {
        var value = values.get(key);
        if (value instanceof Boolean b) {
            return Optional.of(b ? "on" : "off");
        }
        return string(key).map(w -> w.toLowerCase(java.util.Locale.ROOT));
    }

    /** A value that must be written as a YAML string ({@code "0400"}, not the octal number). */
    Optional<String> quotedString(String key, String example) {
        var value = values.get(key);
        if (value != null && !(value instanceof String)) {
            throw new ConfigException(
                    "'" + path(key) + "' is " + value + "; write it in quotes, like " + example);
        }
        return string(key);
    }

    String requiredString(String key) {
        return string(key).orElseThrow(() -> new ConfigException("'" + path(key) + "' is missing"));
    }

    Optional<Integer> integer(String key, int min, int max) {
        return string(key)
                .map(
                        text -> {
                            int n;
                            try {
                                n = Integer.parseInt(text);
                            } catch (NumberFormatException e) {
                                throw new ConfigException(
                                        "'"
                                                + path(key)
                                                + "' is '"
                                                + text
                                                + "', not a whole number between "
                                                + min
                                                + " and "
                                                + max);
                            }
                            if (n < min || n > max) {
                                throw new ConfigException(
                                        "'"
                                                + path(key)
                                                + "' is "
                                                + n
                                                + ", outside "
                                                + min
                                                + "-"
                                                + max);
                            }
                            return n;
                        });
    }

    Optional<Boolean> bool(String key) {
        var value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        throw new ConfigException("'" + path(key) + "' is '" + value + "', not true or false");
    }

    Optional<Duration> duration(String key) {
        return string(key)
                .map(
                        text -> {
                            Matcher m = DURATION.matcher(text);
                            if (!m.matches()) {
                                throw new ConfigException(
                                        "'"
                                                + path(key)
                                                + "' is '"
                                                + text
                                                + "', not a duration such as 90s, 5m or 1h");
                            }
                            long n = Long.parseLong(m.group(1));
                            var unit = m.group(2) == null ? "s" : m.group(2);
                            return switch (unit) {
                                case "ms" -> Duration.ofMillis(n);
                                case "m" -> Duration.ofMinutes(n);
                                case "h" -> Duration.ofHours(n);
                                default -> Duration.ofSeconds(n);
                            };
                        });
    }

    Optional<List<String>> strings(String key) {
        var value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException("'" + path(key) + "' must be a list such as [a, b]");
        }
        var out = new ArrayList<String>();
        for (var item : list) {
            if (item instanceof Map<?, ?> || item instanceof List<?> || item == null) {
                throw new ConfigException("'" + path(key) + "' must hold plain strings");
            }
            out.add(String.valueOf(item));
        }
        return Optional.of(List.copyOf(out));
    }
}
