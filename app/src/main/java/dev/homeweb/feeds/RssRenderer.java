package dev.homeweb.feeds;

import dev.homeweb.posts.Post;

/**
 * Renders a feed as RSS 2.0. Each item's guid is the same {@code tag:} URI the Atom entry uses, so
 * it is not a permalink; the item's {@code link} is.
 */
final class RssRenderer {
    private RssRenderer() {}

    static String render(Feed feed) {
        var xml = new XmlWriter();
        xml.start("rss", "version", "2.0", "xmlns:atom", "http://www.w3.org/2005/Atom")
                .start("channel")
                .element("title", feed.scope().title())
                .element("link", feed.pageUrl())
                .element("description", feed.scope().title())
                .element("language", Feed.LANGUAGE);
        if (!feed.entries().isEmpty()) {
            // "The last time the content of the channel changed", which is not when we rendered.
            xml.element("lastBuildDate", Dates.rfc822(feed.updated()));
        }
        xml.empty(
                "atom:link",
                "href",
                feed.selfUrl(FeedFormat.RSS),
                "rel",
                "self",
                "type",
                FeedFormat.RSS.mediaType());
        for (var post : feed.entries()) {
            item(xml, feed, post);
        }
        return xml.end().end().finish();
    }

    private static void item(XmlWriter xml, Feed feed, Post post) {
        var links = feed.links();
        xml.start("item")
                .element("title", post.title())
                .element("link", links.post(post))
                .element("guid", links.entryId(post), "isPermaLink", "false")
                .element("pubDate", Dates.rfc822(post.publishedAt()));
        for (var tag : post.tags()) {
            xml.element("category", tag.name(), "domain", links.tagScheme());
        }
        xml.element("description", feed.contentHtml(post)).end();
    }
}
