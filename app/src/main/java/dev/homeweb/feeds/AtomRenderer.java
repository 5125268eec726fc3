package dev.homeweb.feeds;

import dev.homeweb.posts.Post;

/** Renders a feed as Atom 1.0 (RFC 4287). */
final class AtomRenderer {
    private AtomRenderer() {}

    static String render(Feed feed) {
        var xml = new XmlWriter();
        xml.start("feed", "xmlns", "http://www.w3.org/2005/Atom", "xml:lang", Feed.LANGUAGE)
                .element("id", feed.pageUrl())
                .element("title", feed.scope().title())
                .element("updated", Dates.rfc3339(feed.updated()))
                .empty(
                        "link",
                        "rel",
                        "self",
                        "type",
                        FeedFormat.ATOM.mediaType(),
                        "href",
                        feed.selfUrl(FeedFormat.ATOM))
                .empty("link", "rel", "alternate", "type", "text/html", "href", feed.pageUrl())
                .start("author")
                .element("name", feed.author())
                .element("uri", feed.homeUrl())
                .end();
        for (var post : feed.entries()) {
            entry(xml, feed, post);
        }
        return xml.end().finish();
    }

    private static void entry(XmlWriter xml, Feed feed, Post post) {
        var links = feed.links();
        xml.start("entry")
                .element("id", links.entryId(post))
                .element("title", post.title())
                .empty("link", "rel", "alternate", "type", "text/html", "href", links.post(post))
                .element("published", Dates.rfc3339(post.publishedAt()))
                .element("updated", Dates.rfc3339(post.lastModified()));
        for (var tag : post.tags()) {
            xml.empty(
                    "category",
                    "term",
                    tag.slug(),
                    "scheme",
                    links.tagScheme(),
                    "label",
                    tag.name());
        }
        post.summary().ifPresent(summary -> xml.element("summary", summary));
        xml.element("content", feed.contentHtml(post), "type", "html").end();
    }
}
