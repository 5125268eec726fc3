package dev.homeweb.feeds;

import dev.homeweb.config.SiteSettings;
import dev.homeweb.posts.Post;
import dev.homeweb.routes.Routes;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes {@code /sitemap.xml} and {@code /robots.txt}. Each URL's {@code lastmod} is when its
 * content last changed according to the posts, never when the sitemap was built.
 */
public final class SitemapWriter {
    private final Links links;

    public SitemapWriter(SiteSettings site) {
        this.links = Links.from(Objects.requireNonNull(site, "site"));
    }

    /**
     * The home page, every post (newest first) and every tag page (by slug). Later pages of a list
     * are left out: they hold nothing the first pages and the posts do not.
     *
     * @param posts the visible posts, in any order
     */
    public TextDocument sitemap(List<Post> posts) {
        var sorted = posts.stream().sorted(FeedWriter.NEWEST_FIRST).toList();
        var newest = latest(sorted);
        var tagged = new TreeMap<String, Instant>();
        for (var post : sorted) {
            for (var tag : post.tags()) {
                tagged.merge(tag.slug(), post.lastModified(), SitemapWriter::later);
            }
        }
        var xml = new XmlWriter();
        xml.start("urlset", "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
        url(xml, links.absolute(Routes.HOME), newest);
        for (var post : sorted) {
            url(xml, links.post(post), Optional.of(post.lastModified()));
        }
        tagged.forEach(
                (slug, lastModified) ->
                        url(xml, links.absolute(Routes.tag(slug)), Optional.of(lastModified)));
        return new TextDocument(
                xml.end().finish(), "application/xml; charset=utf-8", newest.orElse(Instant.EPOCH));
    }

    /** Allows every crawler everywhere and names the sitemap. */
    public TextDocument robots() {
        var text =
                """
                User-agent: *
                Allow: /

                Sitemap: %s
                """
                        .formatted(links.absolute(Routes.SITEMAP));
        return new TextDocument(text, "text/plain; charset=utf-8", Instant.EPOCH);
    }

    private static void url(XmlWriter xml, String loc, Optional<Instant> lastModified) {
        xml.start("url").element("loc", loc);
        lastModified.ifPresent(t -> xml.element("lastmod", Dates.rfc3339(t)));
        xml.end();
    }

    private static Optional<Instant> latest(List<Post> posts) {
        return posts.stream().map(Post::lastModified).max(Comparator.naturalOrder());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
