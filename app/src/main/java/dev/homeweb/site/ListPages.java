package dev.homeweb.site;

import dev.homeweb.posts.Post;
import dev.homeweb.routes.Routes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of the site's lists of posts (the home page's, each tag's), each made at its first
 * request. A snapshot of 10,000 posts has some 3,500 of them, ten posts a page; a new snapshot
 * names its lists and makes no page of them until one is asked for.
 */
final class ListPages {
    private final PageRenderer renderer;
    private final Map<String, PostList> lists = new HashMap<>();

    /** One list: its heading, where its first page is, its posts newest first, its feeds. */
    private static final class PostList {
        final String heading;
        final String basePath;
        final List<Post> posts;
        final List<Head.FeedLink> feeds;
        // Worked out at the first page rendered, then shared by every page of the list.
        private volatile Instant lastModified;

        PostList(String heading, String basePath, List<Post> posts, List<Head.FeedLink> feeds) {
            this.heading = heading;
            this.basePath = basePath;
            this.posts = posts;
            this.feeds = feeds;
        }

        int pageCount() {
            return Math.max(
                    1, (posts.size() + SiteSnapshot.PAGE_SIZE - 1) / SiteSnapshot.PAGE_SIZE);
        }

        Instant lastModified() {
            var result = lastModified;
            if (result == null) {
                result =
                        posts.stream()
                                .map(Post::lastModified)
                                .max(Instant::compareTo)
                                .orElse(Instant.EPOCH);
                lastModified = result;
            }
            return result;
        }
    }

    ListPages(PageRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * Adds a list whose first page is at {@code basePath} ({@code ""} for the home page), the next
     * at {@code basePath/page/2} and on.
     */
    void add(String heading, String basePath, List<Post> posts, List<Head.FeedLink> feeds) {
        lists.put(basePath, new PostList(heading, basePath, posts, feeds));
    }

    /** The page at {@code path}, if it is a page of one of these lists; not kept by this call. */
    Optional<DeferredPage> make(String path) {
        return Routes.listPageAt(path)
                .flatMap(
                        at -> {
                            var list = lists.get(at.listPath());
                            return list == null || at.page() > list.pageCount()
                                    ? Optional.empty()
                                    : Optional.of(page(list, at.page()));
                        });
    }

    private DeferredPage page(PostList list, int page) {
        var posts = list.posts;
        int pageCount = list.pageCount();
        return new DeferredPage(
                () ->
                        Page.html(
                                renderer.list(
                                        list.heading,
                                        list.basePath,
                                        posts.subList(
                                                (page - 1) * SiteSnapshot.PAGE_SIZE,
                                                Math.min(
                                                        posts.size(),
                                                        page * SiteSnapshot.PAGE_SIZE)),
                                        page,
                                        pageCount,
                                        head(list, page, pageCount)),
                                list.lastModified()));
    }

    private static Head head(PostList list, int page, int pageCount) {
        var heading = list.heading;
        var basePath = list.basePath;
        return Head.of(
                        page > 1 ? heading + " (page " + page + ")" : heading,
                        Routes.listPage(basePath, page))
                .withPagination(
                        page > 1
                                ? Optional.of(Routes.listPage(basePath, page - 1))
                                : Optional.empty(),
                        page < pageCount
                                ? Optional.of(Routes.listPage(basePath, page + 1))
                                : Optional.empty())
                .withFeeds(list.feeds);
    }
}
