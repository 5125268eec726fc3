package dev.homeweb.site;

import static dev.homeweb.site.Html.escape;

import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The HTML templates: plain Java text blocks, every dynamic value escaped. */
public final class PageRenderer {
    private static final DateTimeFormatter HUMAN_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SiteSettings site;

    public PageRenderer(SiteSettings site) {
        this.site = site;
    }

    /** One page of the post list; {@code basePath} is "" for the home page or "/tags/x". */
    String list(String heading, String basePath, List<Post> posts, int page, int pageCount) {
        var items = posts.stream().map(this::summary).collect(Collectors.joining("\n"));
        var nav = pagination(basePath, page, pageCount);
        var title = page > 1 ? heading + " (page " + page + ")" : heading;
        var body =
                """
                <h1>%s</h1>
                %s
                %s"""
                        .formatted(
                                escape(heading),
                                items.isEmpty()
                                        ? "<p>No posts yet.</p>"
                                        : "<ol class=\"posts\">\n" + items + "\n</ol>",
                                nav);
        return layout(title, body);
    }

    String post(Post post, List<Post> others) {
        var updated =
                post.updatedAt()
                        .filter(u -> u.isAfter(post.publishedAt()))
                        .map(u -> ", updated " + time(u))
                        .orElse("");
        var tags =
                post.tags().isEmpty()
                        ? ""
                        : "<ul class=\"tags\">" + tagLinks(post.tags()) + "</ul>";
        var discuss =
                site.discussEmail()
                        .map(
                                address ->
                                        "<p class=\"discuss\">Want to discuss this post? <a href=\"mailto:%s?subject=%s\">Send me an e-mail</a>.</p>"
                                                .formatted(
                                                        escape(address),
                                                        escape(mailSubject(post.title()))))
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
                                                                "<li><a href=\"/blog/%s\">%s</a></li>"
                                                                        .formatted(
                                                                                o.slug(),
                                                                                escape(o.title())))
                                                .collect(Collectors.joining("\n")));
        var body =
                """
                <article class="post">
                <header>
                <h1>%s</h1>
                <p class="meta">%s%s · %d min read</p>
                %s
                </header>
                %s
                %s
                </article>
                %s"""
                        .formatted(
                                escape(post.title()),
                                time(post.publishedAt()),
                                updated,
                                post.readingMinutes(),
                                tags,
                                post.html(),
                                discuss,
                                otherPosts);
        return layout(post.title(), body);
    }

    String notFound() {
        return layout(
                "Page not found",
                """
                <h1>Page not found</h1>
                <p>There is nothing at this address. It may have moved, or never existed.</p>
                <p><a href="/">Go to the list of posts</a>.</p>""");
    }

    private String summary(Post post) {
        var summary = post.summary().map(s -> "\n<p>" + escape(s) + "</p>").orElse("");
        return """
               <li><article>
               <h2><a href="/blog/%s">%s</a></h2>
               <p class="meta">%s</p>%s
               </article></li>"""
                .formatted(post.slug(), escape(post.title()), time(post.publishedAt()), summary);
    }

    private static String pagination(String basePath, int page, int pageCount) {
        if (pageCount <= 1) {
            return "";
        }
        var links = new StringBuilder("<nav class=\"pagination\" aria-label=\"Pages\">");
        if (page > 1) {
            var prev =
                    page == 2
                            ? (basePath.isEmpty() ? "/" : basePath)
                            : basePath + "/page/" + (page - 1);
            links.append("<a rel=\"prev\" href=\"").append(prev).append("\">Newer posts</a> ");
        }
        links.append("<span>Page ").append(page).append(" of ").append(pageCount).append("</span>");
        if (page < pageCount) {
            links.append(" <a rel=\"next\" href=\"")
                    .append(basePath)
                    .append("/page/")
                    .append(page + 1)
                    .append("\">Older posts</a>");
        }
        return links.append("</nav>").toString();
    }

    private static String tagLinks(List<Tag> tags) {
        return tags.stream()
                .map(
                        t ->
                                "<li><a href=\"/tags/%s\" rel=\"tag\">%s</a></li>"
                                        .formatted(t.slug(), escape(t.name())))
                .collect(Collectors.joining());
    }

    private static String time(Instant instant) {
        return "<time datetime=\"%s\">%s</time>".formatted(instant, HUMAN_DATE.format(instant));
    }

    private static String mailSubject(String title) {
        return URLEncoder.encode("Re: " + title, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String layout(String title, String main) {
        var fullTitle = title.equals(site.title()) ? title : title + " · " + site.title();
        return """
               <!DOCTYPE html>
               <html lang="en">
               <head>
               <meta charset="utf-8">
               <meta name="viewport" content="width=device-width, initial-scale=1">
               <title>%s</title>
               <link rel="stylesheet" href="%s">
               </head>
               <body>
               <a class="skip-link" href="#main">Skip to content</a>
               <header class="site-header">
               <nav aria-label="Site"><a class="site-title" href="/">%s</a></nav>
               </header>
               <main id="main">
               %s
               </main>
               <footer class="site-footer">
               <p>Served by home-web.</p>
               </footer>
               </body>
               </html>
               """
                .formatted(escape(fullTitle), site.stylesheetPath(), escape(site.title()), main);
    }
}
