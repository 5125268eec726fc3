package dev.homeweb.site;

import dev.homeweb.posts.PreviewKey;
import java.util.Objects;
import java.util.Optional;

/**
 * How a snapshot shows drafts: listed like any other post (a local preview), or each only at its
 * unguessable preview address. Without a key there are no preview addresses at all.
 *
 * @param listed whether drafts appear in lists, tags, feeds, sitemap and search
 * @param key the database's preview key
 */
public record Drafts(boolean listed, Optional<PreviewKey> key) {
    /** Drafts nowhere: what a snapshot without a database (tests) shows. */
    public static final Drafts HIDDEN = new Drafts(false, Optional.empty());

    public Drafts {
        Objects.requireNonNull(key, "key");
    }
}
