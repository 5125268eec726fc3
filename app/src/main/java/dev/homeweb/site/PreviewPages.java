package dev.homeweb.site;

import dev.homeweb.posts.Post;
import dev.homeweb.posts.PreviewKey;
import dev.homeweb.routes.Routes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The preview addresses of a snapshot: a draft that is not shown elsewhere is rendered at its
 * address, noindex; a post that is out answers its old preview address with a redirect to itself. A
 * scheduled post's address answers nothing until the post is out, so nothing tells of it early.
 */
final class PreviewPages {
    private PreviewPages() {}

    static void add(
            Map<String, DeferredPage> previews,
            Map<String, String> redirects,
            PageRenderer renderer,
            PreviewKey key,
            List<Post> posts,
            List<Post> visible) {
        var shown = new HashSet<String>();
        for (var post : visible) {
            shown.add(post.slug());
            redirects.put(Routes.preview(key.token(post.slug())), Routes.post(post.slug()));
        }
        var others = visible.stream().limit(SiteSnapshot.OTHER_POSTS).toList();
        for (var post : posts) {
            if (!post.draft() || shown.contains(post.slug())) {
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
}
