package dev.homeweb.feeds;

import static dev.homeweb.feeds.FeedFixtures.FIRST;
import static dev.homeweb.feeds.FeedFixtures.JAVA;
import static dev.homeweb.feeds.FeedFixtures.POSTS;
import static dev.homeweb.feeds.FeedFixtures.SECOND;
import static dev.homeweb.feeds.FeedFixtures.SECOND_CONTENT;
import static dev.homeweb.feeds.FeedFixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import dev.homeweb.posts.Post;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.xml.XMLConstants;
import org.junit.jupiter.api.Test;

class AtomFeedTest {
    final FeedWriter writer = new FeedWriter(SITE);

    TextDocument atom(FeedScope scope, List<Post> posts) {
        return writer.write(FeedFormat.ATOM, scope, posts);
    }

    @Test
    void writesTheWholeSiteAsAtom() {
        var feed = atom(FeedScope.site(SITE), POSTS);

        assertThat(feed.text())
                .isEqualTo(
                        """
                        <?xml version="1.0" encoding="utf-8"?>
                        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
                          <id>https://blog.example.org/</id>
                          <title>My blog</title>
                          <updated>2026-05-03T10:00:00Z</updated>
                          <link rel="self" type="application/atom+xml" href="https://blog.example.org/atom.xml"/>
                          <link rel="alternate" type="text/html" href="https://blog.example.org/"/>
                          <author>
                            <name>My blog</name>
                            <uri>https://blog.example.org/</uri>
                          </author>
                          <entry>
                            <id>tag:blog.example.org,2026-05-02:/blog/second</id>
                            <title>Feeds &amp; &lt;XML&gt;</title>
                            <link rel="alternate" type="text/html" href="https://blog.example.org/blog/second"/>
                            <published>2026-05-02T09:30:00Z</published>
                            <updated>2026-05-03T10:00:00Z</updated>
                            <category term="java-17" scheme="https://blog.example.org/tags/" label="Java 17"/>
                            <category term="web" scheme="https://blog.example.org/tags/" label="Web"/>
                            <summary>Why “feeds” still matter</summary>
                            <content type="html">&lt;p&gt;Atom &amp;amp; RSS, after &lt;a href="https://blog.example.org/blog/first"&gt;the first&lt;/a&gt;.&lt;/p&gt;
                        &lt;pre&gt;&lt;code&gt;a &amp;lt; b
                        &lt;/code&gt;&lt;/pre&gt;
                        </content>
                          </entry>
                          <entry>
                            <id>tag:blog.example.org,2026-05-01:/blog/first</id>
                            <title>Hello, world</title>
                            <link rel="alternate" type="text/html" href="https://blog.example.org/blog/first"/>
                            <published>2026-05-01T08:00:00Z</published>
                            <updated>2026-05-01T08:00:00Z</updated>
                            <category term="web" scheme="https://blog.example.org/tags/" label="Web"/>
                            <content type="html">&lt;p&gt;Hi 👋&lt;/p&gt;
                        </content>
                          </entry>
                        </feed>
                        """);
    }

    @Test
    void romeReadsFeedLinksAndEveryEntry() {
        var feed = FeedReaders.rome(atom(FeedScope.site(SITE), POSTS));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo("https://blog.example.org/");
        assertThat(feed.getTitle()).isEqualTo("My blog");
        assertThat(feed.getPublishedDate()).isEqualTo(date("2026-05-03T10:00:00Z"));
        assertThat(feed.getLinks())
                .extracting(SyndLink::getRel, SyndLink::getHref)
                .containsExactlyInAnyOrder(
                        tuple("self", "https://blog.example.org/atom.xml"),
                        tuple("alternate", "https://blog.example.org/"));
        assertThat(feed.getAuthors())
                .singleElement()
                .satisfies(a -> assertThat(a.getName()).isEqualTo("My blog"));

        assertThat(feed.getEntries())
                .extracting(SyndEntry::getUri, SyndEntry::getTitle, SyndEntry::getLink)
                .containsExactly(
                        tuple(
                                "tag:blog.example.org,2026-05-02:/blog/second",
                                "Feeds & <XML>",
                                "https://blog.example.org/blog/second"),
                        tuple(
                                "tag:blog.example.org,2026-05-01:/blog/first",
                                "Hello, world",
                                "https://blog.example.org/blog/first"));
    }

    @Test
    void romeReadsDatesSummaryContentAndCategoriesOfAnEntry() {
        var entries = FeedReaders.rome(atom(FeedScope.site(SITE), POSTS)).getEntries();
        var second = entries.get(0);
        var first = entries.get(1);

        assertThat(second.getPublishedDate()).isEqualTo(date("2026-05-02T09:30:00Z"));
        assertThat(second.getUpdatedDate()).isEqualTo(date("2026-05-03T10:00:00Z"));
        assertThat(second.getDescription().getValue()).isEqualTo("Why “feeds” still matter");
        assertThat(second.getContents())
                .extracting(SyndContent::getType, SyndContent::getValue)
                .containsExactly(tuple("html", SECOND_CONTENT));
        assertThat(second.getCategories())
                .extracting(
                        SyndCategory::getName, SyndCategory::getLabel, SyndCategory::getTaxonomyUri)
                .containsExactly(
                        tuple("java-17", "Java 17", "https://blog.example.org/tags/"),
                        tuple("web", "Web", "https://blog.example.org/tags/"));

        assertThat(first.getUpdatedDate())
                .as("never edited: updated is the publication date")
                .isEqualTo(first.getPublishedDate())
                .isEqualTo(date("2026-05-01T08:00:00Z"));
        assertThat(first.getDescription()).isNull();
        assertThat(first.getContents().get(0).getValue()).isEqualTo(FIRST.html());
    }

    @Test
    void tagFeedLinksToTheTagPageAndItsOwnUrl() {
        var document = atom(FeedScope.tag(SITE, JAVA), List.of(SECOND));
        var feed = FeedReaders.rome(document);

        assertThat(feed.getTitle()).isEqualTo("Posts tagged “Java 17” – My blog");
        assertThat(feed.getUri()).isEqualTo("https://blog.example.org/tags/java-17");
        assertThat(feed.getLinks())
                .extracting(SyndLink::getRel, SyndLink::getHref)
                .containsExactlyInAnyOrder(
                        tuple("self", "https://blog.example.org/tags/java-17/atom.xml"),
                        tuple("alternate", "https://blog.example.org/tags/java-17"));
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getUri)
                .containsExactly("tag:blog.example.org,2026-05-02:/blog/second");
        assertThat(document.lastModified()).isEqualTo(SECOND.lastModified());
    }

    @Test
    void declaresTheLanguageOfThePages() {
        var root = FeedReaders.xml(atom(FeedScope.site(SITE), POSTS)).getDocumentElement();

        assertThat(root.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("en");
    }

    static Date date(String instant) {
        return Date.from(Instant.parse(instant));
    }
}
