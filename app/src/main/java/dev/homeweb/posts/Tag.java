package dev.homeweb.posts;

import java.util.Objects;

/** A tag: its name as written and the slug of its page. */
public record Tag(String slug, String name) {
    public Tag {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
    }

    // Written out, as a record's would be: the generated ones run through method handles, slow
    // until compiled, and a starting server groups every post by its tags (24,000 lookups at
    // 10,000 posts).
    @Override
    public boolean equals(Object o) {
        return o instanceof Tag t && slug.equals(t.slug) && name.equals(t.name);
    }

    @Override
    public int hashCode() {
        return 31 * slug.hashCode() + name.hashCode();
    }
}
