package dev.homeweb.posts;

import dev.homeweb.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A post's rendered HTML, named by the SHA-256 of its UTF-8 bytes and read from a {@link BodyStore}
 * only when a page or feed is rendered: a server holds its posts' titles, dates and tags, not their
 * bodies, so its heap does not grow with the corpus. Two bodies are equal when their hashes are.
 */
public final class PostBody {
    private final String sha256;
    private final BodyStore store;

    private PostBody(String sha256, BodyStore store) {
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The body held in memory, with the post: tests, and tools that read a few posts. */
    public static PostBody of(String html) {
        var bytes = html.getBytes(StandardCharsets.UTF_8);
        return new PostBody(Sha256.hex(bytes), hash -> bytes);
    }

    /** The body with hash {@code sha256}, read from {@code store} on each {@link #html()}. */
    public static PostBody stored(String sha256, BodyStore store) {
        return new PostBody(sha256, store);
    }

    public String sha256() {
        return sha256;
    }

    /** The HTML, read and decoded on every call: pages call it once, when they are rendered. */
    public String html() {
        return new String(store.get(sha256), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostBody b && sha256.equals(b.sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }
}
