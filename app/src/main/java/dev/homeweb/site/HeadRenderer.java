package dev.homeweb.site;

import static dev.homeweb.internal.Escaping.escapeHtml;

import dev.homeweb.config.SiteSettings;

/**
 * What a page's {@code <head>} tells crawlers, social previews and feed readers: description,
 * canonical link or noindex, Open Graph and Twitter cards, pagination and feed autodiscovery.
 */
final class HeadRenderer {
    private final SiteSettings site;

    HeadRenderer(SiteSettings site) {
        this.site = site;
    }

    /** The lines of {@code <head>} after the title, each ending in a newline. */
    String render(Head head) {
        var url = site.baseUrl() + head.path();
        var description = head.description().orElse(site.title());
        var lines = new StringBuilder();
        lines.append("<meta name=\"description\" content=\"")
                .append(escapeHtml(description))
                .append("\">\n");
        if (head.indexable()) {
            lines.append("<link rel=\"canonical\" href=\"").append(escapeHtml(url)).append("\">\n");
        } else {
            lines.append("<meta name=\"robots\" content=\"noindex\">\n");
        }
        property(lines, "og:site_name", site.title());
        property(lines, "og:title", head.title());
        property(lines, "og:type", head.article().isPresent() ? "article" : "website");
        property(lines, "og:url", url);
        property(lines, "og:description", description);
        head.article()
                .ifPresent(
                        post -> {
                            property(
                                    lines, "article:published_time", post.publishedAt().toString());
                            property(
                                    lines, "article:modified_time", post.lastModified().toString());
                            post.tags().forEach(t -> property(lines, "article:tag", t.name()));
                        });
        var card = SocialCard.of(head, site.baseUrl());
        card.imageUrl().ifPresent(image -> property(lines, "og:image", image));
        name(lines, "twitter:card", card.twitterCard());
        name(lines, "twitter:title", head.title());
        name(lines, "twitter:description", description);
        head.prev()
                .ifPresent(
                        p ->
                                lines.append("<link rel=\"prev\" href=\"")
                                        .append(escapeHtml(site.baseUrl() + p))
                                        .append("\">\n"));
        head.next()
                .ifPresent(
                        n ->
                                lines.append("<link rel=\"next\" href=\"")
                                        .append(escapeHtml(site.baseUrl() + n))
                                        .append("\">\n"));
        for (var feed : head.feeds()) {
            lines.append("<link rel=\"alternate\" type=\"")
                    .append(feed.contentType())
                    .append("\" title=\"")
                    .append(escapeHtml(feed.title()))
                    .append("\" href=\"")
                    .append(escapeHtml(site.baseUrl() + feed.path()))
                    .append("\">\n");
        }
        return lines.toString();
    }

    /** Open Graph names its keys with {@code property}, Twitter cards with {@code name}. */
    private static void property(StringBuilder lines, String property, String content) {
        meta(lines, "property", property, content);
    }

    private static void name(StringBuilder lines, String name, String content) {
        meta(lines, "name", name, content);
    }

    private static void meta(StringBuilder lines, String attribute, String key, String content) {
        lines.append("<meta ")
                .append(attribute)
                .append("=\"")
                .append(key)
                .append("\" content=\"")
                .append(escapeHtml(content))
                .append("\">\n");
    }
}
