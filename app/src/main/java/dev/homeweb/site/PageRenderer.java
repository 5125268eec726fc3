package dev.homeweb.site;

import static dev.homeweb.internal.Escaping.escapeHtml;

import dev.homeweb.config.SiteSettings;
import dev.homeweb.feeds.FeedFormat;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.SearchHit;
import dev.homeweb.routes.Routes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders each kind of page with its template from the {@link Theme}: this class only gathers the
 * values, the templates hold the markup and escape every value unless it is marked as HTML.
 */
public final class PageRenderer {
    private static final DateTimeFormatter HUMAN_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** Turns a page kind's values into HTML: the {@link Theme}, or what learns its model. */
    interface Templates {
        String render(String page, Map<String, Object> values);
    }

    private final SiteSettings site;
    private final Templates templates;
    private final HeadRenderer heads;
    private final Map<String, Object> siteValues;

    public PageRenderer(SiteSettings site, Theme theme) {
        this(site, theme, false);
    }

    /**
     * @param liveReload whether pages load the local preview's reload script
     */
    public PageRenderer(SiteSettings site, Theme theme, boolean liveReload) {
        this(site, theme::render, liveReload);
    }

    PageRenderer(SiteSettings site, Templates templates, boolean liveReload) {
        this.site = site;
        this.templates = templates;
        this.heads = new HeadRenderer(site);
        this.siteValues = siteValues(site, liveReload);
    }

    /** One page of a post list: {@code basePath} is "" for the home page, or "/tags/x". */
    String list(
            String heading, String basePath, List<Post> posts, int page, int pageCount, Head head) {
        var pagination =
                pageCount <= 1
                        ? null
                        : Scope.of(
                                "prev",
                                head.prev(),
                                "next",
                                head.next(),
                                "page",
                                page,
                                "pageCount",
                                pageCount);
        return render(
                "list",
                head,
                new Scope()
                        .put(
                                "heading",
                                page > 1
                                        ? heading + " (page " + page + " of " + pageCount + ")"
                                        : heading)
                        .put("hasPosts", !posts.isEmpty())
                        .put("posts", posts.stream().map(PageRenderer::summary).toList())
                        .put("pagination", pagination));
    }

    String post(Post post, List<Post> others, Head head) {
        var values =
                new Scope()
                        .put("title", post.title())
                        .put("draft", post.draft())
                        .put("permalink", site.baseUrl() + Routes.post(post.slug()))
                        .put("published", date(post.publishedAt()))
                        .put(
                                "updated",
                                post.updatedAt()
                                        .filter(u -> u.isAfter(post.publishedAt()))
                                        .map(PageRenderer::date))
                        .put("words", "%,d".formatted(post.wordCount()))
                        .put("minutes", post.readingMinutes())
                        .put("summary", post.summary())
                        .put("hasTags", !post.tags().isEmpty())
                        .put(
                                "tags",
                                post.tags().stream()
                                        .map(
                                                t ->
                                                        Scope.of(
                                                                "name", t.name(),
                                                                "url", Routes.tag(t.slug())))
                                        .toList())
                        .put("html", post.html());
        var discuss =
                site.discussEmail()
                        .map(
                                address ->
                                        Scope.of(
                                                "address",
                                                address,
                                                "mailto",
                                                "mailto:"
                                                        + address
                                                        + "?subject="
                                                        + mailSubject(post.title())));
        return render(
                "post",
                head,
                new Scope()
                        .put("post", values.map())
                        .put("discuss", discuss)
                        .put("hasOthers", !others.isEmpty())
                        .put(
                                "others",
                                others.stream()
                                        .map(
                                                o ->
                                                        Scope.of(
                                                                "title", o.title(),
                                                                "url", Routes.post(o.slug())))
                                        .toList()));
    }

    /** The search page: a plain form, and ranked results with highlighted snippets. */
    public String search(String query, List<SearchHit> hits, boolean truncated) {
        var values = new Scope().put("query", query);
        if (query.isBlank()) {
            values.put("prompt", true);
        } else if (hits.isEmpty()) {
            values.put("noMatch", true);
        } else {
            values.put(
                    "results",
                    Scope.of(
                            "matches",
                            hits.size() + (hits.size() == 1 ? " post matches" : " posts match"),
                            "truncated",
                            truncated,
                            "hits",
                            hits.stream().map(PageRenderer::hit).toList()));
        }
        return searchPage(query.isBlank() ? "Search" : "Search: " + query, values);
    }

    /**
     * The search page while the database cannot be reached: the query stays in the box, so trying
     * again is one click.
     */
    public String searchUnavailable(String query) {
        return searchPage(
                "Search unavailable", new Scope().put("query", query).put("unavailable", true));
    }

    private String searchPage(String title, Scope values) {
        return render("search", Head.of(title, Routes.SEARCH).notIndexable(), values);
    }

    String notFound() {
        return render("not-found", Head.of("Page not found", "/404").notIndexable(), new Scope());
    }

    private String render(String page, Head head, Scope values) {
        values.put("site", siteValues).put("head", heads.values(head));
        return templates.render(page, values.map());
    }

    private static Map<String, Object> hit(SearchHit hit) {
        // Escaped here, so the markers (control characters, never in the text) can become marks.
        var snippet =
                escapeHtml(hit.snippet())
                        .replace(SearchHit.MARK_START, "<mark>")
                        .replace(SearchHit.MARK_END, "</mark>");
        return Scope.of(
                "url", Routes.post(hit.slug()),
                "title", hit.title(),
                "published", date(hit.publishedAt()),
                "snippet", snippet);
    }

    private static Map<String, Object> summary(Post post) {
        return Scope.of(
                "url", Routes.post(post.slug()),
                "title", post.title(),
                "published", date(post.publishedAt()),
                "draft", post.draft(),
                "minutes", post.readingMinutes(),
                "summary", post.summary());
    }

    private static Map<String, Object> date(Instant instant) {
        return Scope.of("iso", instant.toString(), "human", HUMAN_DATE.format(instant));
    }

    private static String mailSubject(String title) {
        return URLEncoder.encode("Re: " + title, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What every template reads as {@code site.*}; the same for every page. */
    private static Map<String, Object> siteValues(SiteSettings site, boolean liveReload) {
        var formats = FeedFormat.values();
        var feeds =
                java.util.stream.IntStream.range(0, formats.length)
                        .mapToObj(
                                i ->
                                        Scope.of(
                                                "label", formats[i].label(),
                                                "url", Routes.feed("", formats[i].fileName()),
                                                "first", i == 0))
                        .toList();
        var navigation =
                site.navigation().stream()
                        .map(link -> Scope.of("title", link.title(), "url", link.url()))
                        .toList();
        return new Scope()
                .put("title", site.title())
                .put("baseUrl", site.baseUrl())
                .put("description", site.description())
                .put("author", site.author())
                .put("language", site.language())
                .put("footer", site.footer())
                .put("hasNavigation", !navigation.isEmpty())
                .put("navigation", navigation)
                .put("feeds", feeds)
                .put("stylesheet", site.stylesheetPath())
                .put("favicon", site.faviconPath())
                .put("home", Routes.HOME)
                .put("search", Routes.SEARCH)
                // From this site (script-src 'self', nothing inline); a deployed site never has it.
                .put(
                        "liveReload",
                        liveReload
                                ? Scope.of(
                                        "script",
                                        Routes.LIVE_RELOAD_SCRIPT,
                                        "events",
                                        Routes.LIVE_RELOAD_EVENTS)
                                : null)
                .map();
    }

    static Optional<String> describe(Post post) {
        return post.summary().or(() -> Optional.of(post.title()));
    }
}
