package dev.homeweb.site;

import dev.homeweb.posts.Post;
import dev.homeweb.posts.PreviewKey;
import dev.homeweb.routes.Routes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The preview addresses of a snapshot: a draft that is not shown elsewhere is rendered at its
 * address, noindex; a post that is out answers its old preview address with a redirect to itself. A
 * scheduled post's address answers nothing until the post is out, so nothing tells of it early.
 */
final class PreviewPages {
    private PreviewPages() {}

    static void add(
            Map<String, DeferredPage> previews,
            PageRenderer renderer,
            PreviewKey key,
            List<Post> posts,
            List<Post> visible,
            Predicate<String> shown) {
        var others = visible.stream().limit(SiteSnapshot.OTHER_POSTS).toList();
        for (var post : posts) {
            if (!post.draft() || shown.test(post.slug())) {
                continue;
            }
            var path = Routes.preview(key.token(post.slug()));
            var head =
                    Head.of(post.title(), path)
                            .withDescription(PageRenderer.describe(post))
                            .notIndexable();
            previews.put(path, SiteSnapshot.postPage(renderer, post, () -> others, () -> head));
        }
    }

    /**
     * The old preview address of every post that is out, each redirecting to the post; worked out
     * at the first request for a preview address no draft answers, not with the snapshot: it takes
     * an HMAC per post (85 ms of a 1 s start at 1,000 posts), and such requests are rare.
     */
    static Supplier<Map<String, String>> redirects(PreviewKey key, List<Post> visible) {
        return new Supplier<>() {
            private volatile Map<String, String> redirects;

            @Override
            public Map<String, String> get() {
                var result = redirects;
                if (result == null) {
                    synchronized (this) {
                        result = redirects;
                        if (result == null) {
                            var made = new HashMap<String, String>();
                            for (var post : visible) {
                                made.put(
                                        Routes.preview(key.token(post.slug())),
                                        Routes.post(post.slug()));
                            }
                            result = Map.copyOf(made);
                            redirects = result;
                        }
                    }
                }
                return result;
            }
        };
    }
}
