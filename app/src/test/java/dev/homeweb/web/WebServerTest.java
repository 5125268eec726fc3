package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.site.Page;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebServerTest {
    final Page page =
            Page.of(new byte[] {1, 2, 3}, "text/plain", Instant.parse("2026-01-02T03:04:05Z"));

    @Test
    void ifNoneMatchComparesWeaklyOverAList() {
        assertThat(ConditionalRequest.matches("\"a\", W/" + page.etag(), page.etag())).isTrue();
        assertThat(ConditionalRequest.matches("*", page.etag())).isTrue();
        assertThat(ConditionalRequest.matches("\"a\"", page.etag())).isFalse();
    }

    @Test
    void ifModifiedSinceCountsOnlyWithoutIfNoneMatch() {
        var lastModified = ConditionalRequest.httpDate(page.lastModified());
        var earlier = ConditionalRequest.httpDate(page.lastModified().minusSeconds(1));

        assertThat(ConditionalRequest.notModified(null, lastModified, page)).isTrue();
        assertThat(ConditionalRequest.notModified(null, earlier, page)).isFalse();
        assertThat(ConditionalRequest.notModified("\"other\"", lastModified, page)).isFalse();
        assertThat(ConditionalRequest.notModified(null, "not a date", page)).isFalse();
        assertThat(ConditionalRequest.notModified(null, null, page)).isFalse();
    }

    @Test
    void ifModifiedSinceAcceptsAllThreeHttpDateFormats() {
        var at = Page.of(new byte[] {1}, "text/plain", Instant.parse("1994-11-06T08:49:37Z"));

        assertThat(ConditionalRequest.httpDate(at.lastModified()))
                .isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        for (var date :
                List.of(
                        "Sun, 06 Nov 1994 08:49:37 GMT",
                        "Sunday, 06-Nov-94 08:49:37 GMT",
                        "Sun Nov  6 08:49:37 1994")) {
            assertThat(ConditionalRequest.notModified(null, date, at)).as(date).isTrue();
        }
        assertThat(ConditionalRequest.notModified(null, "Sun Nov  6 08:49:36 1994", at)).isFalse();
    }

    @Test
    void searchQueriesAreTrimmedNeverRejected() {
        assertThat(SearchPage.clean(null)).isEmpty();
        assertThat(SearchPage.clean("  java\u0000 \t deploy ")).isEqualTo("java deploy");
        assertThat(SearchPage.clean("x".repeat(5000))).hasSize(SearchPage.MAX_QUERY);
    }
}
