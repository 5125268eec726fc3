package dev.homeweb.site;

import dev.homeweb.posts.Tag;
import java.util.List;

/** Where the feeds live, for autodiscovery links and routes. */
final class FeedPaths {
    static final String ATOM = "application/atom+xml";
    static final String RSS = "application/rss+xml";
    static final String JSON = "application/feed+json";

    private FeedPaths() {}

    static List<Head.FeedLink> site() {
        return List.of(
                new Head.FeedLink("Atom feed", "/atom.xml", ATOM),
                new Head.FeedLink("RSS feed", "/rss.xml", RSS),
                new Head.FeedLink("JSON Feed", "/feed.json", JSON));
    }

    static List<Head.FeedLink> tag(Tag tag) {
        var base = "/tags/" + tag.slug();
        return List.of(
                new Head.FeedLink("Atom feed for “" + tag.name() + "”", base + "/atom.xml", ATOM),
                new Head.FeedLink("RSS feed for “" + tag.name() + "”", base + "/rss.xml", RSS),
                new Head.FeedLink("JSON Feed for “" + tag.name() + "”", base + "/feed.json", JSON));
    }
}
