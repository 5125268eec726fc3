package dev.homeweb.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostTest {
    private static Post post(String html) {
        return post(PostBody.of(html));
    }

    private static Post post(PostBody body) {
        return new Post(
                "a",
                "Title",
                Optional.empty(),
                Instant.parse("2024-01-01T00:00:00Z"),
                Optional.empty(),
                List.of(new Tag("java", "Java")),
                body,
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
    void aStoredBodyIsReadFromItsStoreOnlyWhenAsked() {
        var store = new MemoryBodies();
        var held = post("<p>same</p>");
        var stored = post(PostBody.stored(held.body().sha256(), store));

        assertThat(stored).isEqualTo(held).hasSameHashCodeAs(held);
        assertThatThrownBy(stored::html).hasMessageContaining("no post body with SHA-256");
        store.put(held.body().sha256(), "<p>same</p>".getBytes(StandardCharsets.UTF_8));
        assertThat(stored.html()).isEqualTo("<p>same</p>");
        store.keepOnly(Set.of());
        assertThatThrownBy(stored::html).isInstanceOf(IllegalStateException.class);
    }
}
