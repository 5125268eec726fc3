package dev.homeweb.site;

import static dev.homeweb.internal.Escaping.escapeHtml;

import dev.homeweb.config.SiteSettings;
import dev.homeweb.feeds.FeedFormat;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.SearchHit;
import dev.homeweb.posts.Tag;
import dev.homeweb.routes.Routes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The HTML templates: plain Java text blocks, every dynamic value escaped. */
public final class PageRenderer {
    private static final DateTimeFormatter HUMAN_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The site's feeds, each by its format's name. */
    private static final String FOOTER_FEEDS =
            Arrays.stream(FeedFormat.values())
                    .map(
                            f ->
                                    "<a href=\""
                                            + Routes.feed("", f.fileName())
                                            + "\">"
                                            + f.label()
                                            + "</a>")
                    .collect(Collectors.joining(" · "));

    private final SiteSettings site;
    private final HeadRenderer heads;
    private final boolean liveReload;

    public PageRenderer(SiteSettings site) {
        this(site, false);
    }

    /**
     * @param liveReload whether pages load the local preview's reload script
     */
    public PageRenderer(SiteSettings site, boolean liveReload) {
        this.site = site;
        this.heads = new HeadRenderer(site);
        this.liveReload = liveReload;
    }

    /** One page of a post list: {@code basePath} is "" for the home page, or "/tags/x". */
    String list(
            String heading, String basePath, List<Post> posts, int page, int pageCount, Head head) {
        var items = posts.stream().map(this::summary).collect(Collectors.joining("\n"));
        var body =
                """
                <h1>%s</h1>
                %s
                %s"""
                        .formatted(
                                escapeHtml(
                                        page > 1
                                                ? heading + " (page " + page + " of " + pageCount
                                                        + ")"
                                                : heading),
                                items.isEmpty()
                                        ? "<p>No posts yet.</p>"
                                        : "<ol class=\"posts\">\n" + items + "\n</ol>",
                                pagination(head, page, pageCount));
        return layout(head, body);
    }

    String post(Post post, List<Post> others, Head head) {
        var updated =
                post.updatedAt()
                        .filter(u -> u.isAfter(post.publishedAt()))
                        .map(u -> " · updated " + time(u, "dt-updated"))
                        .orElse("");
        var tags =
                post.tags().isEmpty()
                        ? ""
                        : "<ul class=\"tags\" aria-label=\"Tags\">"
                                + tagLinks(post.tags())
                                + "</ul>";
        var discuss =
                site.discussEmail()
                        .map(
                                address ->
                                        "<p class=\"discuss\">Want to discuss this post? <a href=\"mailto:%s?subject=%s\">Send me an e-mail</a>.</p>"
                                                .formatted(
                                                        escapeHtml(address),
                                                        escapeHtml(mailSubject(post.title()))))
                        .orElse("");
        var otherPosts =
                others.isEmpty()
                        ? ""
                        : """
                          <aside class="other-posts" aria-labelledby="other-posts">
                          <h2 id="other-posts">Other posts</h2>
                          <ul>
                          %s
                          </ul>
                          </aside>"""
                                .formatted(
                                        others.stream()
                                                .map(
                                                        o ->
                                                                "<li><a href=\"%s\">%s</a></li>"
                                                                        .formatted(
                                                                                Routes.post(
                                                                                        o.slug()),
                                                                                escapeHtml(
                                                                                        o.title())))
                                                .collect(Collectors.joining("\n")));
        var body =
                """
                <article class="post h-entry">
                <header>
                %s<h1 class="p-name">%s</h1>
                <p class="meta">%s%s · %s · <a class="u-url" href="%s">Permalink</a> · <a class="p-author h-card" href="%s/">%s</a></p>
                %s%s
                </header>
                <div class="e-content">
                %s</div>
                %s
                </article>
                %s"""
                        .formatted(
                                PreviewMarkup.draftNotice(post),
                                escapeHtml(post.title()),
                                time(post.publishedAt(), "dt-published"),
                                updated,
                                wordsAndMinutes(post),
                                escapeHtml(site.baseUrl() + Routes.post(post.slug())),
                                escapeHtml(site.baseUrl()),
                                escapeHtml(site.title()),
                                post.summary()
                                        .map(
                                                s ->
                                                        "<p class=\"p-summary\">"
                                                                + escapeHtml(s)
                                                                + "</p>\n")
                                        .orElse(""),
                                tags,
                                post.html(),
                                discuss,
                                otherPosts);
        return layout(head, body);
    }

    /** The search page: a plain form, and ranked results with highlighted snippets. */
    public String search(String query, List<SearchHit> hits, boolean truncated) {
        String results;
        if (query.isBlank()) {
            results = "<p>Type a few words to search every post.</p>";
        } else if (hits.isEmpty()) {
            results = "<p>No posts match <strong>" + escapeHtml(query) + "</strong>.</p>";
        } else {
            results =
                    "<p>"
                            + hits.size()
                            + (hits.size() == 1 ? " post matches" : " posts match")
                            + (truncated ? " (showing the best)" : "")
                            + ".</p>\n<ol class=\"posts search-results\">\n"
                            + hits.stream().map(PageRenderer::hit).collect(Collectors.joining("\n"))
                            + "\n</ol>";
        }
        return searchPage(query.isBlank() ? "Search" : "Search: " + query, query, results);
    }

    /**
     * The search page while the database cannot be reached: the query stays in the box, so trying
     * again is one click.
     */
    public String searchUnavailable(String query) {
        return searchPage(
                "Search unavailable",
                query,
                "<p role=\"alert\">Search is unavailable for a moment: the database does not"
                        + " answer. Try again in a few seconds. Every post is still here, from the"
                        + " <a href=\"/\">list of posts</a>.</p>");
    }

    private String searchPage(String title, String query, String results) {
        var head = Head.of(title, Routes.SEARCH).notIndexable();
        var body =
                """
                <h1>Search</h1>
                <form class="search-form" role="search" aria-label="Search posts" action="%s" method="get">
                <label for="search-page-q">Search posts</label>
                <input id="search-page-q" name="q" type="search" value="%s" maxlength="200">
                <button type="submit">Search</button>
                </form>
                %s"""
                        .formatted(Routes.SEARCH, escapeHtml(query), results);
        return layout(head, body);
    }

    String notFound() {
        return layout(
                Head.of("Page not found", "/404").notIndexable(),
                """
                <h1>Page not found</h1>
                <p>There is nothing at this address. It may have moved, or never existed.</p>
                <p><a href="%s">Go to the list of posts</a>, or search:</p>
                <form class="search-form" role="search" aria-label="Search posts" action="%s" method="get">
                <label for="notfound-q">Search posts</label>
                <input id="notfound-q" name="q" type="search" maxlength="200">
                <button type="submit">Search</button>
                </form>"""
                        .formatted(Routes.HOME, Routes.SEARCH));
    }

    private static String hit(SearchHit hit) {
        var snippet =
                escapeHtml(hit.snippet())
                        .replace(SearchHit.MARK_START, "<mark>")
                        .replace(SearchHit.MARK_END, "</mark>");
        return """
               <li><article>
               <h2><a href="%s">%s</a></h2>
               <p class="meta">%s</p>
               <p>%s</p>
               </article></li>"""
                .formatted(
                        Routes.post(hit.slug()),
                        escapeHtml(hit.title()),
                        time(hit.publishedAt(), ""),
                        snippet);
    }

    private String summary(Post post) {
        var summary = post.summary().map(s -> "\n<p>" + escapeHtml(s) + "</p>").orElse("");
        return """
               <li><article>
               <h2><a href="%s">%s</a></h2>
               <p class="meta">%s%s · %d min read</p>%s
               </article></li>"""
                .formatted(
                        Routes.post(post.slug()),
                        escapeHtml(post.title()),
                        time(post.publishedAt(), ""),
                        PreviewMarkup.draftMark(post),
                        post.readingMinutes(),
                        summary);
    }

    private static String wordsAndMinutes(Post post) {
        return "%,d words · %d min read".formatted(post.wordCount(), post.readingMinutes());
    }

    private static String pagination(Head head, int page, int pageCount) {
        if (pageCount <= 1) {
            return "";
        }
        var links = new StringBuilder("<nav class=\"pagination\" aria-label=\"Pages\">\n");
        head.prev()
                .ifPresent(
                        p ->
                                links.append("<a rel=\"prev\" href=\"")
                                        .append(p)
                                        .append("\">← Newer posts</a>\n"));
        links.append("<span>Page ")
                .append(page)
                .append(" of ")
                .append(pageCount)
                .append("</span>\n");
        head.next()
                .ifPresent(
                        n ->
                                links.append("<a rel=\"next\" href=\"")
                                        .append(n)
                                        .append("\">Older posts →</a>\n"));
        return links.append("</nav>").toString();
    }

    private static String tagLinks(List<Tag> tags) {
        return tags.stream()
                .map(
                        t ->
                                "<li><a class=\"p-category\" href=\"%s\" rel=\"tag\">%s</a></li>"
                                        .formatted(Routes.tag(t.slug()), escapeHtml(t.name())))
                .collect(Collectors.joining());
    }

    private static String time(Instant instant, String microformat) {
        var cls = microformat.isEmpty() ? "" : " class=\"" + microformat + "\"";
        return "<time%s datetime=\"%s\">%s</time>"
                .formatted(cls, instant, HUMAN_DATE.format(instant));
    }

    private static String mailSubject(String title) {
        return URLEncoder.encode("Re: " + title, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String layout(Head head, String main) {
        var fullTitle =
                head.title().equals(site.title())
                        ? head.title()
                        : head.title() + " · " + site.title();
        return """
               <!DOCTYPE html>
               <html lang="en">
               <head>
               <meta charset="utf-8">
               <meta name="viewport" content="width=device-width, initial-scale=1">
               <title>%s</title>
               %s<link rel="icon" href="%s" type="image/svg+xml">
               <link rel="stylesheet" href="%s">
               %s</head>
               <body>
               <a class="skip-link" href="#main">Skip to content</a>
               <header class="site-header">
               <nav aria-label="Site">
               <a class="site-title" href="%s">%s</a>
               <form class="site-search" role="search" aria-label="Site search" action="%s" method="get">
               <label class="visually-hidden" for="site-search-q">Search posts</label>
               <input id="site-search-q" name="q" type="search" placeholder="Search" maxlength="200">
               <button type="submit">Search</button>
               </form>
               </nav>
               </header>
               <main id="main" tabindex="-1">
               %s
               </main>
               <footer class="site-footer">
               <p>%s · Served by home-web.</p>
               </footer>
               </body>
               </html>
               """
                .formatted(
                        escapeHtml(fullTitle),
                        heads.render(head),
                        site.faviconPath(),
                        site.stylesheetPath(),
                        PreviewMarkup.liveReloadScript(liveReload),
                        Routes.HOME,
                        escapeHtml(site.title()),
                        Routes.SEARCH,
                        main,
                        FOOTER_FEEDS);
    }

    static Optional<String> describe(Post post) {
        return post.summary().or(() -> Optional.of(post.title()));
    }
}
