package dev.homeweb.site;

import dev.homeweb.posts.Post;
import dev.homeweb.posts.PostRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Holds the current {@link SiteSnapshot}. Readers never block: a reload builds a new snapshot and
 * swaps it in. A snapshot whose scheduled post has come due is rebuilt from the posts already in
 * memory, so publication needs neither an import nor a restart.
 */
public final class Site {
    private final PostRepository repository;
    private final Renderers renderer;
    private final Clock clock;
    private final Optional<SnapshotFile> file;
    private volatile Loaded loaded;

    private record Loaded(List<Post> posts, SiteSnapshot snapshot) {}

    public Site(PostRepository repository, Renderers renderer, Clock clock) {
        this(repository, renderer, clock, Optional.empty());
    }

    /**
     * @param file where each load from the database is kept, for a start without the database
     */
    public Site(
            PostRepository repository,
            Renderers renderer,
            Clock clock,
            Optional<SnapshotFile> file) {
        this.repository = repository;
        this.renderer = renderer;
        this.clock = clock;
        this.file = file;
        this.loaded =
                new Loaded(List.of(), SiteSnapshot.build(List.of(), clock.instant(), renderer));
    }

    /** Reads every post from the database and renders the site again. */
    public void reload() {
        var posts = repository.allNonDraft(loaded.posts());
        var snapshot = SiteSnapshot.build(posts, clock.instant(), renderer);
        loaded = new Loaded(posts, snapshot);
        file.ifPresent(f -> f.save(posts, clock.instant()));
    }

    /** Serves {@code posts}, read from a {@link SnapshotFile}, until the next {@link #reload}. */
    public void restore(List<Post> posts) {
        loaded = new Loaded(posts, SiteSnapshot.build(posts, clock.instant(), renderer));
    }

    public SiteSnapshot current() {
        var current = loaded;
        var due = current.snapshot().nextChange();
        if (due.isPresent() && !clock.instant().isBefore(due.get())) {
            synchronized (this) {
                current = loaded;
                due = current.snapshot().nextChange();
                if (due.isPresent() && !clock.instant().isBefore(due.get())) {
                    current =
                            new Loaded(
                                    current.posts(),
                                    SiteSnapshot.build(current.posts(), clock.instant(), renderer));
                    loaded = current;
                }
            }
        }
        return current.snapshot();
    }
}
