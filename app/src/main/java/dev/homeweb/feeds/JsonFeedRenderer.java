package dev.homeweb.feeds;

import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a feed as JSON Feed 1.1, with the same ids as the Atom entries. */
final class JsonFeedRenderer {
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private JsonFeedRenderer() {}

    static String render(Feed feed) {
        var root = new LinkedHashMap<String, Object>();
        root.put("version", VERSION);
        root.put("title", feed.scope().title());
        root.put("home_page_url", feed.pageUrl());
        root.put("feed_url", feed.selfUrl(FeedFormat.JSON_FEED));
        root.put("language", Feed.LANGUAGE);
        var author = new LinkedHashMap<String, Object>();
        author.put("name", feed.author());
        author.put("url", feed.homeUrl());
        root.put("authors", List.of(author));
        root.put("items", feed.entries().stream().map(post -> item(feed, post)).toList());
        return Json.write(root);
    }

    private static Map<String, Object> item(Feed feed, Post post) {
        var links = feed.links();
        var item = new LinkedHashMap<String, Object>();
        item.put("id", links.entryId(post));
        item.put("url", links.post(post));
        item.put("title", post.title());
        item.put("content_html", feed.contentHtml(post));
        post.summary().ifPresent(summary -> item.put("summary", summary));
        item.put("date_published", Dates.rfc3339(post.publishedAt()));
        item.put("date_modified", Dates.rfc3339(post.lastModified()));
        if (!post.tags().isEmpty()) {
            item.put("tags", post.tags().stream().map(Tag::name).toList());
        }
        return item;
    }
}
