package dev.homeweb.content;

import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Posts being rendered on a pool in chunks of {@link PostWriter#CHUNK}, at most {@link #AHEAD}
 * chunks ahead of the writer that takes them in order. Rendering every chunk at once held every
 * post's HTML at the same time: 1,000 posts ran out of a 48 MB heap.
 */
final class Rendering {
    /**
     * Chunks rendered or rendering that the writer has not taken: enough to keep every CPU busy.
     */
    static final int AHEAD = Runtime.getRuntime().availableProcessors() + 1;

    private final List<SourcePost> posts;
    private final Function<List<SourcePost>, List<PostWriter.Row>> render;
    private final ExecutorService pool;
    private final ArrayDeque<CompletableFuture<List<PostWriter.Row>>> started = new ArrayDeque<>();
    private int next;

    private Rendering(
            List<SourcePost> posts,
            Function<List<SourcePost>, List<PostWriter.Row>> render,
            ExecutorService pool) {
        this.posts = List.copyOf(posts);
        this.render = render;
        this.pool = pool;
    }

    /** Starts rendering the first chunks of {@code posts} with {@code render}. */
    static Rendering start(
            List<SourcePost> posts,
            Function<List<SourcePost>, List<PostWriter.Row>> render,
            ExecutorService pool) {
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(pool, "pool");
        var rendering = new Rendering(posts, render, pool);
        while (rendering.started.size() < AHEAD && rendering.startNext()) {
            // The writer's takes start the rest.
        }
        return rendering;
    }

    List<SourcePost> posts() {
        return posts;
    }

    boolean hasNext() {
        return !started.isEmpty();
    }

    /** The next chunk's rows, once rendered; starts rendering another chunk in its place. */
    CompletableFuture<List<PostWriter.Row>> next() {
        var head = started.poll();
        if (head == null) {
            throw new NoSuchElementException("every chunk was taken");
        }
        startNext();
        return head;
    }

    private boolean startNext() {
        if (next >= posts.size()) {
            return false;
        }
        var chunk = posts.subList(next, Math.min(posts.size(), next + PostWriter.CHUNK));
        next += chunk.size();
        started.add(CompletableFuture.supplyAsync(() -> render.apply(chunk), pool));
        return true;
    }
}
