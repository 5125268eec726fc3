package dev.homeweb.feeds;

import static dev.homeweb.feeds.FeedFixtures.JAVA;
import static dev.homeweb.feeds.FeedFixtures.POSTS;
import static dev.homeweb.feeds.FeedFixtures.SECOND;
import static dev.homeweb.feeds.FeedFixtures.SECOND_CONTENT;
import static dev.homeweb.feeds.FeedFixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class RssFeedTest {
    final FeedWriter writer = new FeedWriter(SITE);

    @Test
    void writesTheWholeSiteAsRss() {
        var feed = writer.write(FeedFormat.RSS, FeedScope.site(SITE), POSTS);

        assertThat(feed.text())
                .isEqualTo(
                        """
                        <?xml version="1.0" encoding="utf-8"?>
                        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
                          <channel>
                            <title>My blog</title>
                            <link>https://blog.example.org/</link>
                            <description>My blog</description>
                            <language>en</language>
                            <lastBuildDate>Sun, 03 May 2026 10:00:00 +0000</lastBuildDate>
                            <atom:link href="https://blog.example.org/rss.xml" rel="self" type="application/rss+xml"/>
                            <item>
                              <title>Feeds &amp; &lt;XML&gt;</title>
                              <link>https://blog.example.org/blog/second</link>
                              <guid isPermaLink="false">tag:blog.example.org,2026-05-02:/blog/second</guid>
                              <pubDate>Sat, 02 May 2026 09:30:00 +0000</pubDate>
                              <category domain="https://blog.example.org/tags/">Java 17</category>
                              <category domain="https://blog.example.org/tags/">Web</category>
                              <description>&lt;p&gt;Atom &amp;amp; RSS, after &lt;a href="https://blog.example.org/blog/first"&gt;the first&lt;/a&gt;.&lt;/p&gt;
                        &lt;pre&gt;&lt;code&gt;a &amp;lt; b
                        &lt;/code&gt;&lt;/pre&gt;
                        </description>
                            </item>
                            <item>
                              <title>Hello, world</title>
                              <link>https://blog.example.org/blog/first</link>
                              <guid isPermaLink="false">tag:blog.example.org,2026-05-01:/blog/first</guid>
                              <pubDate>Fri, 01 May 2026 08:00:00 +0000</pubDate>
                              <category domain="https://blog.example.org/tags/">Web</category>
                              <description>&lt;p&gt;Hi 👋&lt;/p&gt;
                        </description>
                            </item>
                          </channel>
                        </rss>
                        """);
    }

    @Test
    void romeReadsTheChannelAndEveryItem() {
        var feed = FeedReaders.rome(writer.write(FeedFormat.RSS, FeedScope.site(SITE), POSTS));

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("My blog");
        assertThat(feed.getLink()).isEqualTo("https://blog.example.org/");
        assertThat(feed.getLanguage()).isEqualTo("en");
        assertThat(feed.getEntries())
                .extracting(
                        SyndEntry::getUri,
                        SyndEntry::getTitle,
                        SyndEntry::getLink,
                        SyndEntry::getPublishedDate)
                .containsExactly(
                        tuple(
                                "tag:blog.example.org,2026-05-02:/blog/second",
                                "Feeds & <XML>",
                                "https://blog.example.org/blog/second",
                                date("2026-05-02T09:30:00Z")),
                        tuple(
                                "tag:blog.example.org,2026-05-01:/blog/first",
                                "Hello, world",
                                "https://blog.example.org/blog/first",
                                date("2026-05-01T08:00:00Z")));
        var second = feed.getEntries().get(0);
        assertThat(second.getDescription().getValue()).isEqualTo(SECOND_CONTENT);
        assertThat(second.getCategories())
                .extracting(SyndCategory::getName, SyndCategory::getTaxonomyUri)
                .containsExactly(
                        tuple("Java 17", "https://blog.example.org/tags/"),
                        tuple("Web", "https://blog.example.org/tags/"));
    }

    @Test
    void guidIsTheAtomIdAndNotAPermalink() {
        var document = writer.write(FeedFormat.RSS, FeedScope.site(SITE), POSTS);
        var channel = (Channel) FeedReaders.romeWire(document);

        assertThat(channel.getItems())
                .extracting(Item::getGuid)
                .extracting(Guid::getValue, Guid::isPermaLink)
                .containsExactly(
                        tuple("tag:blog.example.org,2026-05-02:/blog/second", false),
                        tuple("tag:blog.example.org,2026-05-01:/blog/first", false));
        assertThat(channel.getLastBuildDate()).isEqualTo(date("2026-05-03T10:00:00Z"));
    }

    @Test
    void tagFeedPointsAtItselfAndTheTagPage() {
        var document = writer.write(FeedFormat.RSS, FeedScope.tag(SITE, JAVA), List.of(SECOND));

        assertThat(document.text())
                .contains(
                        "<link>https://blog.example.org/tags/java-17</link>",
                        "<atom:link href=\"https://blog.example.org/tags/java-17/rss.xml\" rel=\"self\"");
        assertThat(FeedReaders.rome(document).getEntries()).hasSize(1);
    }

    static Date date(String instant) {
        return Date.from(Instant.parse(instant));
    }
}
