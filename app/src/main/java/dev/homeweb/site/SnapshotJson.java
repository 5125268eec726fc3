package dev.homeweb.site;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.homeweb.posts.BodyStore;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.PostBody;
import dev.homeweb.posts.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payload of a {@link SnapshotFile}, version 2: {@code {"savedAt":..,"posts":[{"slug":..,
 * "title":..,"summary":..,"publishedAt":..,"updatedAt":..,"tags":[{"slug":..,"name":..}],
 * "body":..,"wordCount":..,"aliases":[..],"image":..}]}}, instants as ISO-8601, absent optionals
 * left out, each body as the SHA-256 it is saved under (version 1 held the bodies themselves).
 */
final class SnapshotJson {
    // Titles and summaries may hold < and >: escaping them as \u003c would only make it larger.
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private SnapshotJson() {}

    static String write(List<Post> posts, Instant savedAt) {
        var array = new JsonArray();
        for (var post : posts) {
            var json = new JsonObject();
            json.addProperty("slug", post.slug());
            json.addProperty("title", post.title());
            post.summary().ifPresent(s -> json.addProperty("summary", s));
            json.addProperty("publishedAt", post.publishedAt().toString());
            post.updatedAt().ifPresent(u -> json.addProperty("updatedAt", u.toString()));
            var tags = new JsonArray();
            for (var tag : post.tags()) {
                var t = new JsonObject();
                t.addProperty("slug", tag.slug());
                t.addProperty("name", tag.name());
                tags.add(t);
            }
            json.add("tags", tags);
            json.addProperty("body", post.body().sha256());
            json.addProperty("wordCount", post.wordCount());
            var aliases = new JsonArray();
            post.aliases().forEach(aliases::add);
            json.add("aliases", aliases);
            post.image().ifPresent(i -> json.addProperty("image", i));
            array.add(json);
        }
        var root = new JsonObject();
        root.addProperty("savedAt", savedAt.toString());
        root.add("posts", array);
        return GSON.toJson(root);
    }

    /**
     * @throws RuntimeException (Gson's, or a JDK one) when the payload is not what {@link #write}
     *     makes
     */
    static SnapshotFile.Found parse(String payload, BodyStore bodies) {
        var root = JsonParser.parseString(payload).getAsJsonObject();
        var posts = new ArrayList<Post>();
        for (var element : root.getAsJsonArray("posts")) {
            var json = element.getAsJsonObject();
            var tags = new ArrayList<Tag>();
            for (var t : json.getAsJsonArray("tags")) {
                var tag = t.getAsJsonObject();
                tags.add(new Tag(text(tag, "slug"), text(tag, "name")));
            }
            var aliases = new ArrayList<String>();
            json.getAsJsonArray("aliases").forEach(a -> aliases.add(a.getAsString()));
            posts.add(
                    new Post(
                                    text(json, "slug"),
                                    text(json, "title"),
                                    optional(json, "summary"),
                                    Instant.parse(text(json, "publishedAt")),
                                    optional(json, "updatedAt").map(Instant::parse),
                                    tags,
                                    PostBody.stored(text(json, "body"), bodies),
                                    json.get("wordCount").getAsInt(),
                                    aliases)
                            .withImage(optional(json, "image")));
        }
        return new SnapshotFile.Found(posts, Instant.parse(text(root, "savedAt")));
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException("no text \"" + name + "\"");
        }
        return value.getAsString();
    }

    private static Optional<String> optional(JsonObject json, String name) {
        return json.has(name) ? Optional.of(text(json, name)) : Optional.empty();
    }
}
