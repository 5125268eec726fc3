package dev.homeweb.feeds;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.homeweb.internal.Escaping;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;

/**
 * Renders a feed as JSON Feed 1.1, with the same ids as the Atom entries. Members keep the order
 * they are added in, so the same posts give the same bytes; characters the XML feeds drop are
 * dropped here too.
 */
final class JsonFeedRenderer {
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    // HTML escaping off: the content is HTML, and "\u003c" for "<" helps no JSON reader.
    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private JsonFeedRenderer() {}

    static String render(Feed feed) {
        var root = new JsonObject();
        put(root, "version", VERSION);
        put(root, "title", feed.scope().title());
        put(root, "home_page_url", feed.pageUrl());
        put(root, "feed_url", feed.selfUrl(FeedFormat.JSON_FEED));
        put(root, "language", Feed.LANGUAGE);
        var author = new JsonObject();
        put(author, "name", feed.author());
        put(author, "url", feed.homeUrl());
        var authors = new JsonArray();
        authors.add(author);
        root.add("authors", authors);
        var items = new JsonArray();
        feed.entries().forEach(post -> items.add(item(feed, post)));
        root.add("items", items);
        return GSON.toJson(root) + "\n";
    }

    private static JsonObject item(Feed feed, Post post) {
        var links = feed.links();
        var item = new JsonObject();
        put(item, "id", links.entryId(post));
        put(item, "url", links.post(post));
        put(item, "title", post.title());
        put(item, "content_html", feed.contentHtml(post));
        post.summary().ifPresent(summary -> put(item, "summary", summary));
        put(item, "date_published", Dates.rfc3339(post.publishedAt()));
        put(item, "date_modified", Dates.rfc3339(post.lastModified()));
        if (!post.tags().isEmpty()) {
            var tags = new JsonArray();
            post.tags().stream().map(Tag::name).map(Escaping::withoutControls).forEach(tags::add);
            item.add("tags", tags);
        }
        return item;
    }

    private static void put(JsonObject object, String name, String value) {
        object.addProperty(name, Escaping.withoutControls(value));
    }
}
