package dev.homeweb.feeds;

import static dev.homeweb.feeds.FeedFixtures.JAVA;
import static dev.homeweb.feeds.FeedFixtures.POSTS;
import static dev.homeweb.feeds.FeedFixtures.SECOND;
import static dev.homeweb.feeds.FeedFixtures.SECOND_CONTENT;
import static dev.homeweb.feeds.FeedFixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFeedTest {
    final FeedWriter writer = new FeedWriter(SITE);

    @Test
    void writesTheWholeSiteAsJsonFeed() {
        var feed = writer.write(FeedFormat.JSON_FEED, FeedScope.site(SITE), POSTS);

        assertThat(feed.text())
                .isEqualTo(
                        """
                        {
                          "version": "https://jsonfeed.org/version/1.1",
                          "title": "My blog",
                          "home_page_url": "https://blog.example.org/",
                          "feed_url": "https://blog.example.org/feed.json",
                          "language": "en",
                          "authors": [
                            {
                              "name": "My blog",
                              "url": "https://blog.example.org/"
                            }
                          ],
                          "items": [
                            {
                              "id": "tag:blog.example.org,2026-05-02:/blog/second",
                              "url": "https://blog.example.org/blog/second",
                              "title": "Feeds & <XML>",
                              "content_html": "<p>Atom &amp; RSS, after <a href=\\"https://blog.example.org/blog/first\\">the first</a>.</p>\\n<pre><code>a &lt; b\\n</code></pre>\\n",
                              "summary": "Why “feeds” still matter",
                              "date_published": "2026-05-02T09:30:00Z",
                              "date_modified": "2026-05-03T10:00:00Z",
                              "tags": [
                                "Java 17",
                                "Web"
                              ]
                            },
                            {
                              "id": "tag:blog.example.org,2026-05-01:/blog/first",
                              "url": "https://blog.example.org/blog/first",
                              "title": "Hello, world",
                              "content_html": "<p>Hi 👋</p>\\n",
                              "date_published": "2026-05-01T08:00:00Z",
                              "date_modified": "2026-05-01T08:00:00Z",
                              "tags": [
                                "Web"
                              ]
                            }
                          ]
                        }
                        """);
    }

    @Test
    void parsesBackToTheSamePosts() {
        var feed =
                FeedReaders.json(writer.write(FeedFormat.JSON_FEED, FeedScope.site(SITE), POSTS));

        assertThat(feed.get("version").getAsString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("feed_url").getAsString())
                .isEqualTo("https://blog.example.org/feed.json");
        var items = feed.getAsJsonArray("items").asList();
        assertThat(items).hasSize(2);
        var second = items.get(0).getAsJsonObject();
        assertThat(string(second, "id")).isEqualTo("tag:blog.example.org,2026-05-02:/blog/second");
        assertThat(string(second, "url")).isEqualTo("https://blog.example.org/blog/second");
        assertThat(string(second, "title")).isEqualTo(SECOND.title());
        assertThat(string(second, "content_html")).isEqualTo(SECOND_CONTENT);
        assertThat(string(second, "summary")).isEqualTo(SECOND.summary().orElseThrow());
        assertThat(Instant.parse(string(second, "date_published"))).isEqualTo(SECOND.publishedAt());
        assertThat(Instant.parse(string(second, "date_modified"))).isEqualTo(SECOND.lastModified());
        assertThat(second.getAsJsonArray("tags").asList())
                .extracting(JsonElement::getAsString)
                .containsExactly("Java 17", "Web");
        assertThat(items.get(1).getAsJsonObject().has("summary")).isFalse();
    }

    @Test
    void tagFeedNamesItsOwnUrlAndTheTagPage() {
        var feed =
                FeedReaders.json(
                        writer.write(
                                FeedFormat.JSON_FEED, FeedScope.tag(SITE, JAVA), List.of(SECOND)));

        assertThat(string(feed, "title")).isEqualTo("Posts tagged “Java 17” – My blog");
        assertThat(string(feed, "home_page_url"))
                .isEqualTo("https://blog.example.org/tags/java-17");
        assertThat(string(feed, "feed_url"))
                .isEqualTo("https://blog.example.org/tags/java-17/feed.json");
        assertThat(feed.getAsJsonArray("items").asList()).hasSize(1);
    }

    static String string(JsonObject object, String member) {
        return object.get(member).getAsString();
    }

    @Test
    void dropsControlCharactersAndEscapesQuotesAndLineSeparators() {
        var site = FeedFixtures.site("Say \"hi\"\0\u0008 \\ \u2028 </p> & é", "https://b.example");
        var post = FeedFixtures.post("odd", Instant.parse("2026-05-01T08:00:00Z"));

        var feed =
                new FeedWriter(site)
                        .write(FeedFormat.JSON_FEED, FeedScope.site(site), List.of(post));

        assertThat(feed.text())
                .contains("  \"title\": \"Say \\\"hi\\\" \\\\ \\u2028 </p> & é\",\n");
    }
}
