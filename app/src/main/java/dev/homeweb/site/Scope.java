package dev.homeweb.site;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values a template sees, by name. A missing or null value renders as nothing and hides its
 * section, as Mustache means; an {@link Optional} is unwrapped on the way in.
 */
final class Scope {
    private final Map<String, Object> values = new HashMap<>();

    Scope put(String name, Object value) {
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
