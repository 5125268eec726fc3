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
    private volatile Loaded loaded;
    private volatile Optional<String> contentId = Optional.empty();

    private record Loaded(List<Post> posts, SiteSnapshot snapshot) {}

    public Site(PostRepository repository, Renderers renderer, Clock clock) {
        this.repository = repository;
        this.renderer = renderer;
        this.clock = clock;
        this.loaded =
                new Loaded(List.of(), SiteSnapshot.build(List.of(), clock.instant(), renderer));
    }

    /** Reads every post from the database and renders the site again. */
    public void reload() {
        var posts = repository.allNonDraft(loaded.posts());
        var snapshot = SiteSnapshot.build(posts, clock.instant(), renderer);
        loaded = new Loaded(posts, snapshot);
    }

    /**
     * The id of the content loaded (the release it was imported from), as the import announced it,
     * or as the server was started with: a deploy imports a release's content before it starts it.
     */
    public Optional<String> contentId() {
        return contentId;
    }

    /** Records the id an import announced; called after the reload of what it imported. */
    public void loadedContent(String id) {
        contentId = Optional.of(id);
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
