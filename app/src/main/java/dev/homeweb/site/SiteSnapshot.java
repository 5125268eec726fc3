package dev.homeweb.site;

import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every page of the site, rendered once from the posts visible at one instant. A request is a map
 * lookup; a new snapshot replaces this one after an import or when a scheduled post comes due.
 */
public final class SiteSnapshot {
    static final int PAGE_SIZE = 10;
    private static final int OTHER_POSTS = 5;

    private final Map<String, Page> pages;
    private final Page notFound;
    private final Optional<Instant> nextChange;
    private final int postCount;

    private SiteSnapshot(
            Map<String, Page> pages, Page notFound, Optional<Instant> nextChange, int postCount) {
        this.pages = pages;
        this.notFound = notFound;
        this.nextChange = nextChange;
        this.postCount = postCount;
    }

    /**
     * @param posts every non-draft post, newest first; those later than {@code now} are held back
     */
    public static SiteSnapshot build(List<Post> posts, Instant now, PageRenderer renderer) {
        var visible = posts.stream().filter(p -> p.isPublishedAt(now)).toList();
        var nextChange =
                posts.stream()
                        .map(Post::publishedAt)
                        .filter(t -> t.isAfter(now))
                        .min(Instant::compareTo);
        var pages = new HashMap<String, Page>();
        addList(pages, renderer, "Posts", "", visible);
        Map<Tag, List<Post>> byTag = new LinkedHashMap<>();
        for (var post : visible) {
            for (var tag : post.tags()) {
                byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(post);
            }
        }
        byTag.forEach(
                (tag, tagged) ->
                        addList(
                                pages,
                                renderer,
                                "Posts tagged “" + tag.name() + "”",
                                "/tags/" + tag.slug(),
                                tagged));
        for (var post : visible) {
            var others = visible.stream().filter(o -> o != post).limit(OTHER_POSTS).toList();
            pages.put(
                    "/blog/" + post.slug(),
                    Page.html(renderer.post(post, others), post.lastModified()));
        }
        var notFound = Page.html(renderer.notFound(), Instant.EPOCH);
        return new SiteSnapshot(Map.copyOf(pages), notFound, nextChange, visible.size());
    }

    private static void addList(
            Map<String, Page> pages,
            PageRenderer renderer,
            String heading,
            String basePath,
            List<Post> posts) {
        int pageCount = Math.max(1, (posts.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        var lastModified =
                posts.stream()
                        .map(Post::lastModified)
                        .max(Instant::compareTo)
                        .orElse(Instant.EPOCH);
        for (int page = 1; page <= pageCount; page++) {
            var slice =
                    posts.subList((page - 1) * PAGE_SIZE, Math.min(posts.size(), page * PAGE_SIZE));
            var path =
                    page == 1 ? (basePath.isEmpty() ? "/" : basePath) : basePath + "/page/" + page;
            pages.put(
                    path,
                    Page.html(
                            renderer.list(heading, basePath, slice, page, pageCount),
                            lastModified));
        }
    }

    public Optional<Page> find(String path) {
        return Optional.ofNullable(pages.get(path));
    }

    public Page notFound() {
        return notFound;
    }

    /** When the next scheduled post comes due, if any: this snapshot is stale from then on. */
    public Optional<Instant> nextChange() {
        return nextChange;
    }

    public int postCount() {
        return postCount;
    }
}
