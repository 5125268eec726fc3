package dev.homeweb.site;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import dev.homeweb.posts.BodyStore;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.PostBody;
import dev.homeweb.posts.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The payload of a {@link SnapshotFile}, version 2: {@code {"savedAt":..,"posts":[{"slug":..,
 * "title":..,"summary":..,"publishedAt":..,"updatedAt":..,"tags":[{"slug":..,"name":..}],
 * "body":..,"wordCount":..,"aliases":[..],"image":..}]}}, instants as ISO-8601, absent optionals
 * left out, each body as the SHA-256 it is saved under (version 1 held the bodies themselves).
 */
final class SnapshotJson {
    private SnapshotJson() {}

    /**
     * The payload, as UTF-8. Streamed rather than built as a tree and then a string: for 10,000
     * posts the tree and its copies were more than the server's heap had to spare while starting.
     */
    static byte[] write(List<Post> posts, Instant savedAt) {
        var out = new ByteArrayOutputStream(64 + posts.size() * 512);
        try (var json = new JsonWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            // Titles and summaries may hold < and >: escaping them would only make it larger.
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("savedAt").value(savedAt.toString());
            json.name("posts").beginArray();
            for (var post : posts) {
                json.beginObject();
                json.name("slug").value(post.slug());
                json.name("title").value(post.title());
                if (post.summary().isPresent()) {
                    json.name("summary").value(post.summary().get());
                }
                json.name("publishedAt").value(post.publishedAt().toString());
                if (post.updatedAt().isPresent()) {
                    json.name("updatedAt").value(post.updatedAt().get().toString());
                }
                json.name("tags").beginArray();
                for (var tag : post.tags()) {
                    json.beginObject();
                    json.name("slug").value(tag.slug());
                    json.name("name").value(tag.name());
                    json.endObject();
                }
                json.endArray();
                json.name("body").value(post.body().sha256());
                json.name("wordCount").value(post.wordCount());
                json.name("aliases").beginArray();
                for (var alias : post.aliases()) {
                    json.value(alias);
                }
                json.endArray();
                if (post.image().isPresent()) {
                    json.name("image").value(post.image().get());
                }
                json.endObject();
            }
            json.endArray();
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the site snapshot's JSON", e);
        }
        return out.toByteArray();
    }

    /**
     * @throws RuntimeException (Gson's, or a JDK one) when the payload is not what {@link #write}
     *     makes
     */
    static SnapshotFile.Found parse(String payload, BodyStore bodies) {
        var root = JsonParser.parseString(payload).getAsJsonObject();
        var posts = new ArrayList<Post>();
        // One Tag for all its posts, as PostRepository reads them.
        var distinct = new HashMap<Tag, Tag>();
        for (var element : root.getAsJsonArray("posts")) {
            var json = element.getAsJsonObject();
            var tags = new ArrayList<Tag>();
            for (var t : json.getAsJsonArray("tags")) {
                var tag = t.getAsJsonObject();
                tags.add(
                        distinct.computeIfAbsent(
                                new Tag(text(tag, "slug"), text(tag, "name")), k -> k));
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
