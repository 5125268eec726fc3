package dev.homeweb.site;

import dev.homeweb.files.FileLibrary;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.PostRepository;
import java.time.Clock;
import java.util.List;

/**
 * Holds the current {@link SiteSnapshot}. Readers never block: a reload builds a new snapshot and
 * swaps it in. A snapshot whose scheduled post has come due is rebuilt from the posts already in
 * memory, so publication needs neither an import nor a restart.
 */
public final class Site {
    private final PostRepository repository;
    private final FileLibrary files;
    private final Renderers renderer;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(List<Post> posts, SiteSnapshot snapshot) {}

    public Site(PostRepository repository, Renderers renderer, Clock clock) {
        this(repository, FileLibrary.none(), renderer, clock);
    }

    /**
     * @param files the files beside the posts, reloaded with them
     */
    public Site(PostRepository repository, FileLibrary files, Renderers renderer, Clock clock) {
        this.repository = repository;
        this.files = files;
        this.renderer = renderer;
        this.clock = clock;
        this.loaded =
                new Loaded(List.of(), SiteSnapshot.build(List.of(), clock.instant(), renderer));
    }

    /** Reads every post from the database and renders the site again. */
    public void reload() {
        // Files first: a page is never shown before the files it links to are served.
        files.reload();
        var posts = repository.allNonDraft(loaded.posts());
        var snapshot = SiteSnapshot.build(posts, clock.instant(), renderer);
        loaded = new Loaded(posts, snapshot);
    }

    /** The files served beside the pages. */
    public FileLibrary files() {
        return files;
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
