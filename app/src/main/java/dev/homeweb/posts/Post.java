package dev.homeweb.posts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A published (or scheduled) post as stored: its body is already rendered HTML. */
public record Post(
        String slug,
        String title,
        Optional<String> summary,
        Instant publishedAt,
        Optional<Instant> updatedAt,
        List<Tag> tags,
        String html,
        int wordCount,
        List<String> aliases) {

    private static final int WORDS_PER_MINUTE = 200;

    public Post {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = List.copyOf(tags);
        Objects.requireNonNull(html, "html");
        aliases = List.copyOf(aliases);
    }

    public int readingMinutes() {
        return Math.max(1, (wordCount + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }

    /** When the post last changed: its updated date, or else its publication date. */
    public Instant lastModified() {
        return updatedAt.filter(u -> u.isAfter(publishedAt)).orElse(publishedAt);
    }

    public boolean isPublishedAt(Instant now) {
        return !publishedAt.isAfter(now);
    }
}
