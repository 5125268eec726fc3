package dev.homeweb.site;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values a template sees, by name. A missing or null value renders as nothing and hides its
 * section, as Mustache means; an {@link Optional} is unwrapped on the way in. Every name put is
 * remembered, also one whose value was missing this time, so the theme check knows what a template
 * may ask for ({@link ThemeModel}).
 */
final class Scope {
    private final Values values = new Values();

    /** The values, and the names given, with or without a value. */
    static final class Values extends HashMap<String, Object> {
        private static final long serialVersionUID = 1L;
        private final Set<String> names = new HashSet<>();

        Set<String> names() {
            return names;
        }
    }

    Scope put(String name, Object value) {
        values.names.add(name);
        var unwrapped = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (unwrapped != null) {
            values.put(name, unwrapped);
        }
        return this;
    }

    Map<String, Object> map() {
        return values;
    }

    /** A scope of name/value pairs, none null. */
    static Map<String, Object> of(Object... pairs) {
        var scope = new Scope();
        for (int i = 0; i < pairs.length; i += 2) {
            scope.put((String) pairs[i], pairs[i + 1]);
        }
        return scope.map();
    }
}
