package dev.homeweb.site;

import dev.homeweb.posts.Post;
import dev.homeweb.routes.Routes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page of every visible post, each made at its first request: a snapshot indexes its posts by
 * slug and makes nothing more for them up front. At 10,000 posts an address, a deferred page and
 * its closures for every post were made with every snapshot, most for posts nobody reads before the
 * next import, and a starting server waited for them all.
 */
final class PostPages {
    private final PageRenderer renderer;
    private final List<Post> visible;
    private final Map<String, Post> bySlug;

    /**
     * @param visible the posts shown, newest first
     */
    PostPages(PageRenderer renderer, List<Post> visible) {
        this.renderer = renderer;
        this.visible = visible;
        this.bySlug = new HashMap<>(visible.size() * 4 / 3 + 1);
        for (var post : visible) {
            bySlug.put(post.slug(), post);
        }
    }

    /** Whether the post {@code slug} is visible, so has a page here. */
    boolean shows(String slug) {
        return bySlug.containsKey(slug);
    }

    /** The page at {@code path}, if it is a visible post's; not kept by this call. */
    Optional<DeferredPage> make(String path) {
        return Routes.postSlug(path).map(bySlug::get).map(post -> page(post, path));
    }

    private DeferredPage page(Post post, String path) {
        return SiteSnapshot.postPage(
                renderer,
                post,
                () ->
                        visible.stream()
                                .filter(o -> o != post)
                                .limit(SiteSnapshot.OTHER_POSTS)
                                .toList(),
                () ->
                        Head.of(post.title(), path)
                                .withDescription(PageRenderer.describe(post))
                                .withArticle(post)
                                .withFeeds(FeedPaths.site()));
    }
}
