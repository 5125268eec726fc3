package dev.homeweb.site;

import dev.homeweb.feeds.FeedFormat;
import dev.homeweb.feeds.FeedScope;
import dev.homeweb.feeds.TextDocument;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import dev.homeweb.routes.Routes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every page of the site, as seen from the posts visible at one instant. Building one only indexes
 * the posts and names the lists and feeds; each page is made and rendered on its first request and
 * then kept, so a new snapshot (after an import, or when a scheduled post comes due) is ready at
 * once. A request is a map lookup.
 */
public final class SiteSnapshot {
    static final int PAGE_SIZE = 10;
    static final int OTHER_POSTS = 5;

    private final Map<String, DeferredPage> pages;
    private final PostPages posts;
    private final ListPages lists;
    private final Map<String, DeferredPage> made = new ConcurrentHashMap<>();
    private final Map<String, DeferredPage> previews;
    private final Map<String, String> redirects;
    private final Supplier<Map<String, String>> previewRedirects;
    private final Page notFound;
    private final Optional<Instant> nextChange;
    private final int postCount;

    private SiteSnapshot(
            Map<String, DeferredPage> pages,
            PostPages posts,
            ListPages lists,
            Map<String, DeferredPage> previews,
            Map<String, String> redirects,
            Supplier<Map<String, String>> previewRedirects,
            Page notFound,
            Optional<Instant> nextChange,
            int postCount) {
        this.pages = pages;
        this.posts = posts;
        this.lists = lists;
        this.previews = previews;
        this.redirects = redirects;
        this.previewRedirects = previewRedirects;
        this.notFound = notFound;
        this.nextChange = nextChange;
        this.postCount = postCount;
    }

    /**
     * @param posts every post, newest first; those later than {@code now} are held back, drafts
     *     show nowhere
     */
    public static SiteSnapshot build(List<Post> posts, Instant now, Renderers renderers) {
        return build(posts, now, renderers, Drafts.HIDDEN);
    }

    /**
     * @param posts every post, drafts too, newest first; those later than {@code now} are held back
     * @param drafts where drafts show
     */
    public static SiteSnapshot build(
            List<Post> posts, Instant now, Renderers renderers, Drafts drafts) {
        var renderer = renderers.pages();
        // One plain pass, not three streams: a starting server runs this once, interpreted, over
        // every post (some 10 ms of a start at 10,000 posts as three streams).
        var found = new ArrayList<Post>(posts.size());
        Instant next = null;
        for (var post : posts) {
            if (post.draft() && !drafts.listed()) {
                continue;
            }
            if (post.isPublishedAt(now)) {
                found.add(post);
            } else if (next == null || post.publishedAt().isBefore(next)) {
                next = post.publishedAt();
            }
        }
        var nextChange = Optional.ofNullable(next);
        var visible = Collections.unmodifiableList(found);
        var postPages = new PostPages(renderer, visible);
        var pages = new HashMap<String, DeferredPage>();
        var lists = new ListPages(renderer);
        lists.add("Posts", "", visible, FeedPaths.site());
        Map<Tag, List<Post>> byTag = new LinkedHashMap<>();
        for (var post : visible) {
            for (var tag : post.tags()) {
                byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(post);
            }
        }
        byTag.forEach(
                (tag, tagged) -> {
                    var feeds = new ArrayList<>(FeedPaths.site());
                    feeds.addAll(FeedPaths.tag(tag));
                    lists.add(
                            "Posts tagged “" + tag.name() + "”",
                            Routes.tag(tag.slug()),
                            tagged,
                            feeds);
                });
        addFeeds(pages, renderers, visible, byTag);
        var redirects = new HashMap<String, String>();
        for (var post : visible) {
            for (var alias : post.aliases()) {
                redirects.put(alias, Routes.post(post.slug()));
            }
        }
        var previews = new HashMap<String, DeferredPage>();
        drafts.key()
                .ifPresent(
                        key ->
                                PreviewPages.add(
                                        previews, renderer, key, posts, visible, postPages::shows));
        var previewRedirects =
                drafts.key().map(key -> PreviewPages.redirects(key, visible)).orElse(Map::of);
        var notFound = Page.html(renderer.notFound(), Instant.EPOCH);
        return new SiteSnapshot(
                Map.copyOf(pages),
                postPages,
                lists,
                Map.copyOf(previews),
                Map.copyOf(redirects),
                previewRedirects,
                notFound,
                nextChange,
                visible.size());
    }

    /**
     * A post's page, rendered on first request. Its neighbours and its head are made then too: a
     * snapshot holds a page for every post, and with 10,000 posts holding each one's head (feed
     * links and all) and list of neighbours was a fifth of the server's heap.
     */
    static DeferredPage postPage(
            PageRenderer renderer, Post post, Supplier<List<Post>> others, Supplier<Head> head) {
        return new DeferredPage(
                () ->
                        Page.html(
                                renderer.post(post, others.get(), head.get()),
                                post.lastModified()));
    }

    private static void addFeeds(
            Map<String, DeferredPage> pages,
            Renderers renderers,
            List<Post> visible,
            Map<Tag, List<Post>> byTag) {
        for (var format : FeedFormat.values()) {
            var siteScope = FeedScope.site(renderers.site());
            pages.put(
                    siteScope.feedPath(format),
                    document(() -> renderers.feeds().write(format, siteScope, visible)));
            byTag.forEach(
                    (tag, tagged) -> {
                        var scope = FeedScope.tag(renderers.site(), tag);
                        pages.put(
                                scope.feedPath(format),
                                document(() -> renderers.feeds().write(format, scope, tagged)));
                    });
        }
        // Common addresses feed readers try: the same documents, not redirects.
        pages.put("/feed", pages.get(FeedScope.site(renderers.site()).feedPath(FeedFormat.ATOM)));
        pages.put(
                "/feed.xml", pages.get(FeedScope.site(renderers.site()).feedPath(FeedFormat.ATOM)));
        pages.put(
                "/index.xml", pages.get(FeedScope.site(renderers.site()).feedPath(FeedFormat.RSS)));
        pages.put(Routes.SITEMAP, document(() -> renderers.sitemaps().sitemap(visible)));
        pages.put(Routes.ROBOTS, document(() -> renderers.sitemaps().robots()));
    }

    private static DeferredPage document(Supplier<TextDocument> render) {
        return new DeferredPage(
                () -> {
                    var document = render.get();
                    return Page.of(
                            document.bytes(), document.contentType(), document.lastModified());
                });
    }

    /** The page at {@code path}, rendered now if nobody asked for it before. */
    public Optional<Page> find(String path) {
        return page(path).map(DeferredPage::get);
    }

    /** The page at {@code path}, rendered or not yet: lets a caller choose where to render it. */
    public Optional<DeferredPage> page(String path) {
        var page = pages.get(path);
        if (page == null) {
            page = made.get(path);
        }
        if (page == null) {
            // Made once, kept for this snapshot's life; an address that is no page keeps nothing.
            page = made.computeIfAbsent(path, this::make);
        }
        return Optional.ofNullable(page);
    }

    private DeferredPage make(String path) {
        var post = posts.make(path);
        return post.isPresent() ? post.get() : lists.make(path).orElse(null);
    }

    /**
     * The draft at a preview address: to be sent as private and noindex, never with the pages a
     * cache may keep.
     */
    public Optional<DeferredPage> preview(String path) {
        return Optional.ofNullable(previews.get(path));
    }

    /** Where an old address of a post now lives. */
    public Optional<String> redirect(String path) {
        var alias = redirects.get(path);
        if (alias == null && path.startsWith(Routes.PREVIEWS)) {
            return Optional.ofNullable(previewRedirects.get().get(path));
        }
        return Optional.ofNullable(alias);
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
