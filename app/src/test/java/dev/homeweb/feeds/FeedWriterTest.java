package dev.homeweb.feeds;

import static dev.homeweb.feeds.FeedFixtures.FIRST;
import static dev.homeweb.feeds.FeedFixtures.POSTS;
import static dev.homeweb.feeds.FeedFixtures.SECOND;
import static dev.homeweb.feeds.FeedFixtures.SITE;
import static dev.homeweb.feeds.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import dev.homeweb.config.SiteSettings;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FeedWriterTest {
    final FeedWriter writer = new FeedWriter(SITE);

    static List<Post> manyPosts(int count) {
        var start = Instant.parse("2026-01-01T00:00:00Z");
        return IntStream.range(0, count)
                .mapToObj(i -> post("post-" + i, start.plusSeconds(60L * i)))
                .toList();
    }

    // The golden-text tests of each format check its body; this, what the HTTP headers come from.
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ATOM      | application/atom+xml; charset=utf-8",
                "RSS       | application/rss+xml; charset=utf-8",
                "JSON_FEED | application/feed+json"
            })
    void eachFormatHasItsMediaTypeAndIsAsRecentAsItsNewestPost(
            FeedFormat format, String contentType) {
        var feed = writer.write(format, FeedScope.site(SITE), POSTS);

        assertThat(feed.contentType()).isEqualTo(contentType);
        assertThat(feed.lastModified()).isEqualTo(Instant.parse("2026-05-03T10:00:00Z"));
    }

    @Nested
    class Determinism {
        @ParameterizedTest
        @EnumSource(FeedFormat.class)
        void samePostsInAnyOrderGiveTheSameBytes(FeedFormat format) {
            var shuffled = new ArrayList<>(manyPosts(30));
            Collections.shuffle(shuffled, new Random(4));

            var once = writer.write(format, FeedScope.site(SITE), manyPosts(30));
            var again = new FeedWriter(SITE).write(format, FeedScope.site(SITE), shuffled);

            assertThat(again.bytes()).isEqualTo(once.bytes());
            assertThat(again.lastModified()).isEqualTo(once.lastModified());
        }

        @ParameterizedTest
        @EnumSource(FeedFormat.class)
        void emptyFeedIsValidAndDatedFromTheEpochNotTheClock(FeedFormat format) {
            var feed = writer.write(format, FeedScope.site(SITE), List.of());

            assertThat(feed.lastModified()).isEqualTo(Instant.EPOCH);
            assertThat(feed.bytes())
                    .isEqualTo(writer.write(format, FeedScope.site(SITE), List.of()).bytes());
            if (format == FeedFormat.JSON_FEED) {
                assertThat(FeedReaders.json(feed).getAsJsonArray("items")).isEmpty();
            } else {
                assertThat(FeedReaders.rome(feed).getEntries()).isEmpty();
            }
        }

        @Test
        void feedIsUpdatedWhenAnOlderPostIsEditedLater() {
            var edited =
                    FeedFixtures.post(
                            FIRST.slug(),
                            FIRST.title(),
                            FIRST.summary(),
                            FIRST.publishedAt(),
                            Optional.of(Instant.parse("2026-06-01T00:00:00Z")),
                            FIRST.tags(),
                            FIRST.html());

            var feed = writer.write(FeedFormat.ATOM, FeedScope.site(SITE), List.of(SECOND, edited));

            assertThat(feed.lastModified()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
            assertThat(feed.text()).contains("<updated>2026-06-01T00:00:00Z</updated>");
            assertThat(FeedReaders.rome(feed).getEntries())
                    .extracting(SyndEntry::getUri)
                    .as("entries stay in publication order")
                    .containsExactly(
                            "tag:blog.example.org,2026-05-02:/blog/second",
                            "tag:blog.example.org,2026-05-01:/blog/first");
        }

        @Test
        void datesAreWrittenToTheSecond() {
            var post = post("precise", Instant.parse("2026-05-01T08:00:00.123456Z"));

            var feed = writer.write(FeedFormat.ATOM, FeedScope.site(SITE), List.of(post));

            assertThat(feed.text()).contains("<published>2026-05-01T08:00:00Z</published>");
        }
    }

    @Nested
    class EntryLimit {
        @ParameterizedTest
        @EnumSource(FeedFormat.class)
        void carriesTheTwentyNewestPostsByDefault(FeedFormat format) {
            var feed = writer.write(format, FeedScope.site(SITE), manyPosts(25));

            assertThat(entryIds(format, feed))
                    .hasSize(20)
                    .first()
                    .isEqualTo("tag:blog.example.org,2026-01-01:/blog/post-24");
            assertThat(entryIds(format, feed)).last().asString().endsWith("/blog/post-5");
        }

        @Test
        void limitIsConfigurable() {
            var feed =
                    new FeedWriter(SITE, 3)
                            .write(FeedFormat.RSS, FeedScope.site(SITE), manyPosts(25));

            assertThat(entryIds(FeedFormat.RSS, feed))
                    .containsExactly(
                            "tag:blog.example.org,2026-01-01:/blog/post-24",
                            "tag:blog.example.org,2026-01-01:/blog/post-23",
                            "tag:blog.example.org,2026-01-01:/blog/post-22");
        }

        @Test
        void rejectsALimitBelowOne() {
            assertThatThrownBy(() -> new FeedWriter(SITE, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxEntries must be at least 1, was 0");
        }
    }

    @Nested
    class HostileText {
        static final String TITLE = "<script>alert(\"x\")</script> & 'q' “curly” ]]> 🐟";
        static final Tag TAG = new Tag("c-c", "C & C++ <3 \"quoted\"");
        static final Post POST =
                FeedFixtures.post(
                        "hostile",
                        TITLE + "\u0000\u0007\u001b\u007f\u0085\uD800\uFFFE",
                        Optional.of("tab\there, line\nthere & <b>not bold</b>"),
                        Instant.parse("2026-05-01T08:00:00Z"),
                        Optional.empty(),
                        List.of(TAG),
                        "<p>x &lt; y ]]&gt; \u0001 ✓ 😀</p>\n");

        @ParameterizedTest
        @EnumSource(FeedFormat.class)
        void titlesTagsAndContentRoundTripWithoutControlCharacters(FeedFormat format) {
            var feed = writer.write(format, FeedScope.site(SITE), List.of(POST));

            if (format == FeedFormat.JSON_FEED) {
                var item = FeedReaders.json(feed).getAsJsonArray("items").get(0).getAsJsonObject();
                assertThat(item.get("title").getAsString()).isEqualTo(TITLE);
                assertThat(item.get("summary").getAsString()).isEqualTo(POST.summary().get());
                assertThat(item.get("content_html").getAsString())
                        .isEqualTo("<p>x &lt; y ]]&gt;  ✓ 😀</p>\n");
                assertThat(item.getAsJsonArray("tags").asList())
                        .extracting(JsonElement::getAsString)
                        .containsExactly(TAG.name());
            } else {
                FeedReaders.xml(feed);
                var entry = FeedReaders.rome(feed).getEntries().get(0);
                assertThat(entry.getTitle()).isEqualTo(TITLE);
                assertThat(entry.getCategories())
                        .extracting(
                                format == FeedFormat.ATOM
                                        ? SyndCategory::getLabel
                                        : SyndCategory::getName)
                        .containsExactly(TAG.name());
                var content =
                        format == FeedFormat.ATOM
                                ? entry.getContents().get(0).getValue()
                                : entry.getDescription().getValue();
                assertThat(content).isEqualTo("<p>x &lt; y ]]&gt;  ✓ 😀</p>\n");
            }
            assertThat(feed.text()).doesNotContain("\u0000", "\u0007", "\u001b", "\u0085");
        }

        @Test
        void atomSummaryKeepsItsLineBreakAndTab() {
            var feed = writer.write(FeedFormat.ATOM, FeedScope.site(SITE), List.of(POST));

            assertThat(FeedReaders.rome(feed).getEntries().get(0).getDescription().getValue())
                    .isEqualTo("tab\there, line\nthere & <b>not bold</b>");
        }
    }

    @Nested
    class BaseUrl {
        @Test
        void baseUrlWithAPathPrefixesEveryLinkAndId() {
            var site = FeedFixtures.site("Blog", "https://Example.org/~me");

            var text = new FeedWriter(site).write(FeedFormat.ATOM, FeedScope.site(site), POSTS);

            assertThat(text.text())
                    .contains(
                            "<id>tag:example.org,2026-05-02:/~me/blog/second</id>",
                            "href=\"https://Example.org/~me/blog/second\"",
                            "href=\"https://Example.org/~me/atom.xml\"",
                            "<id>https://Example.org/~me/</id>");
        }

        @Test
        void entryIdsLeaveOutSchemeAndPortSoTheyOutliveAMoveToHttps() {
            var plain = FeedFixtures.site("Blog", "http://blog.example.org:8080");
            var secure = FeedFixtures.site("Blog", "https://blog.example.org");

            assertThat(entryIds(plain)).isEqualTo(entryIds(secure));
        }

        @Test
        void rejectsABaseUrlWithoutHost() {
            var site = FeedFixtures.site("Blog", "blog.example.org");

            assertThatThrownBy(() -> new FeedWriter(site))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'blog.example.org'");
        }

        List<String> entryIds(SiteSettings site) {
            return FeedWriterTest.entryIds(
                    FeedFormat.ATOM,
                    new FeedWriter(site).write(FeedFormat.ATOM, FeedScope.site(site), POSTS));
        }
    }

    static List<String> entryIds(FeedFormat format, TextDocument feed) {
        if (format == FeedFormat.JSON_FEED) {
            return FeedReaders.json(feed).getAsJsonArray("items").asList().stream()
                    .map(item -> item.getAsJsonObject().get("id").getAsString())
                    .toList();
        }
        return FeedReaders.rome(feed).getEntries().stream().map(SyndEntry::getUri).toList();
    }
}
