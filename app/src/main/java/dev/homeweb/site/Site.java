package dev.homeweb.site;

import dev.homeweb.files.FileLibrary;
import dev.homeweb.posts.BodyStore;
import dev.homeweb.posts.MemoryBodies;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.PostRepository;
import dev.homeweb.posts.PreviewKey;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Holds the current {@link SiteSnapshot}. Readers never block: a reload builds a new snapshot and
 * swaps it in. A snapshot whose scheduled post has come due is rebuilt from the posts already in
 * memory, so publication needs neither an import nor a restart.
 */
public final class Site {
    private final PostRepository repository;
    private final FileLibrary files;
    private final Object rendering = new Object();
    private volatile Renderers renderer;
    private final Clock clock;
    private final Optional<SnapshotFile> file;
    private final BodyStore bodies;
    private final boolean listDrafts;
    private final Runnable reloaded;
    private volatile Loaded loaded;
    // The posts of the snapshot the last load replaced, until saveSnapshot tidies their bodies.
    private List<Post> replaced = List.of();
    private volatile Optional<PreviewKey> key = Optional.empty();
    private volatile Optional<String> contentId = Optional.empty();

    private record Loaded(List<Post> posts, SiteSnapshot snapshot) {}

    /** A site whose drafts show only at their preview addresses. */
    public Site(PostRepository repository, Renderers renderer, Clock clock) {
        this(repository, FileLibrary.none(), renderer, clock, Optional.empty(), false, () -> {});
    }

    /**
     * @param files the files beside the posts, reloaded with them
     * @param file where each load from the database is kept, for a start without the database
     * @param listDrafts whether drafts are listed like published posts (the local preview)
     * @param reloaded told after each reload, once the new snapshot is in place
     */
    public Site(
            PostRepository repository,
            FileLibrary files,
            Renderers renderer,
            Clock clock,
            Optional<SnapshotFile> file,
            boolean listDrafts,
            Runnable reloaded) {
        this.repository = repository;
        this.files = files;
        this.renderer = renderer;
        this.clock = clock;
        this.file = file;
        // Without a state directory (the local preview, tests) the bodies stay in the heap.
        this.bodies = file.map(SnapshotFile::bodies).orElseGet(MemoryBodies::new);
        this.listDrafts = listDrafts;
        this.reloaded = reloaded;
        this.loaded =
                new Loaded(List.of(), SiteSnapshot.build(List.of(), clock.instant(), renderer));
    }

    /**
     * Reads every post from the database (the bodies only of those whose body is not kept yet),
     * lays out the site again and saves the snapshot file.
     */
    public void reload() {
        load();
        saveSnapshot();
    }

    /**
     * As {@link #reload}, but leaves the snapshot file as it was until {@link #saveSnapshot}: a
     * starting server answers readers first and writes the file after.
     */
    public void load() {
        // Files first: a page is never shown before the files it links to are served.
        files.reload();
        if (key.isEmpty()) {
            // Made once by a migration: read once, not on every import.
            key = Optional.of(repository.previewKey());
        }
        synchronized (rendering) {
            replaced = loaded.posts();
            var posts = repository.all(bodies);
            loaded = new Loaded(posts, build(posts));
        }
        reloaded.run();
    }

    /**
     * Saves the posts loaded last to the snapshot file, if the server keeps one, and removes the
     * saved bodies no post needs any more. Both wait for this call: at 10,000 posts listing the
     * bodies' directory is a tenth of a server's start.
     */
    public void saveSnapshot() {
        synchronized (rendering) {
            // The bodies of the snapshot just replaced stay one load longer: a request may still
            // be rendering one of its pages.
            var kept = new HashSet<String>();
            replaced.forEach(p -> kept.add(p.body().sha256()));
            loaded.posts().forEach(p -> kept.add(p.body().sha256()));
            bodies.keepOnly(kept);
        }
        var posts = loaded.posts();
        // Drafts stay in the database: a start without it shows published posts only.
        file.ifPresent(
                f -> f.save(posts.stream().filter(p -> !p.draft()).toList(), clock.instant()));
    }

    /**
     * Renders the posts held with {@code renderers} from now on: the local preview's theme or
     * site.yaml changed, and no post did.
     */
    public void restyle(Renderers renderers) {
        synchronized (rendering) {
            renderer = renderers;
            var posts = loaded.posts();
            loaded = new Loaded(posts, build(posts));
        }
        reloaded.run();
    }

    /** What renders the pages, feeds and sitemap now. */
    public Renderers renderers() {
        return renderer;
    }

    /** Serves {@code posts}, read from a {@link SnapshotFile}, until the next {@link #reload}. */
    public void restore(List<Post> posts) {
        loaded = new Loaded(posts, build(posts));
    }

    private SiteSnapshot build(List<Post> posts) {
        return SiteSnapshot.build(posts, clock.instant(), renderer, new Drafts(listDrafts, key));
    }

    /** The files served beside the pages. */
    public FileLibrary files() {
        return files;
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
                    current = new Loaded(current.posts(), build(current.posts()));
                    loaded = current;
                }
            }
        }
        return current.snapshot();
    }
}
