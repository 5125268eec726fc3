package dev.homeweb.posts;

import java.util.Objects;

/** A tag: its name as written and the slug of its page. */
public record Tag(String slug, String name) {
    public Tag {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
    }
}
