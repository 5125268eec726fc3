package dev.homeweb.feeds;

import static dev.homeweb.feeds.FeedFixtures.JAVA;
import static dev.homeweb.feeds.FeedFixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeedScopeTest {
    @Test
    void siteFeedsLiveAtTheRoot() {
        var scope = FeedScope.site(SITE);

        assertThat(scope.title()).isEqualTo("My blog");
        assertThat(scope.pagePath()).isEqualTo("/");
        assertThat(scope.feedPath(FeedFormat.ATOM)).isEqualTo("/atom.xml");
        assertThat(scope.feedPath(FeedFormat.RSS)).isEqualTo("/rss.xml");
        assertThat(scope.feedPath(FeedFormat.JSON_FEED)).isEqualTo("/feed.json");
    }

    @Test
    void tagFeedsLiveBesideTheTagPage() {
        var scope = FeedScope.tag(SITE, JAVA);

        assertThat(scope.title()).isEqualTo("Posts tagged “Java 17” – My blog");
        assertThat(scope.pagePath()).isEqualTo("/tags/java-17");
        assertThat(scope.feedPath(FeedFormat.ATOM)).isEqualTo("/tags/java-17/atom.xml");
        assertThat(scope.feedPath(FeedFormat.JSON_FEED)).isEqualTo("/tags/java-17/feed.json");
    }

    @Test
    void rejectsAPathThatIsNotEmptyOrLikeThis() {
        assertThatThrownBy(() -> new FeedScope("T", "/tags/x/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feed base path '/tags/x/' must be empty or /like/this");
        assertThatThrownBy(() -> new FeedScope("T", "tags"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedScope(" ", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feed title is blank");
    }

    @Test
    void formatsNameTheirMediaTypes() {
        assertThat(FeedFormat.ATOM.mediaType()).isEqualTo("application/atom+xml");
        assertThat(FeedFormat.RSS.mediaType()).isEqualTo("application/rss+xml");
        assertThat(FeedFormat.JSON_FEED.mediaType()).isEqualTo("application/feed+json");
    }
}
