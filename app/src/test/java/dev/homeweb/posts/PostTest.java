package dev.homeweb.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostTest {
    private static Post post(String html) {
        return new Post(
                "a",
                "Title",
                Optional.empty(),
                Instant.parse("2024-01-01T00:00:00Z"),
                Optional.empty(),
                List.of(new Tag("java", "Java")),
                html,
                10,
                List.of());
    }

    @Test
    void keepsTheBodyExactlyWhateverItsCharacters() {
        var html = "<p>Zürich – “quotes”, 日本語, emoji 🙂</p>\n";
        assertThat(post(html).html()).isEqualTo(html);
    }

    @Test
    void equalPostsAreEqual() {
        assertThat(post("<p>x</p>"))
                .isEqualTo(post("<p>x</p>"))
                .hasSameHashCodeAs(post("<p>x</p>"));
        assertThat(post("<p>x</p>")).isNotEqualTo(post("<p>y</p>"));
    }

    @Test
    void sharesAnEqualBodyWithTheEarlierPost() {
        var earlier = post("<p>same</p>");
        var shared = post("<p>same</p>").sharingBodyWith(earlier);
        assertThat(shared).isEqualTo(earlier);
        assertThat(shared.html()).isEqualTo("<p>same</p>");
        var changed = post("<p>new</p>");
        assertThat(changed.sharingBodyWith(earlier)).isSameAs(changed);
        assertThat(changed.sharingBodyWith(null)).isSameAs(changed);
    }
}
