package dev.homeweb.posts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A published (or scheduled) post as stored: its body is already rendered HTML.
 *
 * <p>The server keeps every post in memory for as long as it runs, and the HTML bodies are most of
 * that: they are held as UTF-8 bytes, half the size of the UTF-16 string that a single non-Latin-1
 * character in a post would otherwise force. {@link #html()} decodes them on each call; pages call
 * it once, when they are rendered.
 */
public final class Post {
    private static final int WORDS_PER_MINUTE = 200;

    private final String slug;
    private final String title;
    private final Optional<String> summary;
    private final Instant publishedAt;
    private final Optional<Instant> updatedAt;
    private final List<Tag> tags;
    private final byte[] html;
    private final int wordCount;
    private final List<String> aliases;
    private final Optional<String> image;

    public Post(
            String slug,
            String title,
            Optional<String> summary,
            Instant publishedAt,
            Optional<Instant> updatedAt,
            List<Tag> tags,
            String html,
            int wordCount,
            List<String> aliases) {
        this.slug = Objects.requireNonNull(slug, "slug");
        this.title = Objects.requireNonNull(title, "title");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.publishedAt = Objects.requireNonNull(publishedAt, "publishedAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.tags = List.copyOf(tags);
        this.html = Objects.requireNonNull(html, "html").getBytes(StandardCharsets.UTF_8);
        this.wordCount = wordCount;
        this.aliases = List.copyOf(aliases);
        this.image = Optional.empty();
    }

    /**
     * This post, holding the same body array as {@code earlier} when the bodies are equal: a reload
     * then keeps one copy of each unchanged body, not two, while both snapshots are alive.
     */
    Post sharingBodyWith(Post earlier) {
        if (earlier != null && earlier.html != html && Arrays.equals(earlier.html, html)) {
            return new Post(this, earlier.html, image);
        }
        return this;
    }

    /** This post with its picture for social previews: a path on this site, or an absolute URL. */
    public Post withImage(Optional<String> picture) {
        return new Post(this, html, picture);
    }

    private Post(Post post, byte[] html, Optional<String> image) {
        this.slug = post.slug;
        this.title = post.title;
        this.summary = post.summary;
        this.publishedAt = post.publishedAt;
        this.updatedAt = post.updatedAt;
        this.tags = post.tags;
        this.html = html;
        this.wordCount = post.wordCount;
        this.aliases = post.aliases;
        this.image = Objects.requireNonNull(image, "image");
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Optional<String> summary() {
        return summary;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Optional<Instant> updatedAt() {
        return updatedAt;
    }

    public List<Tag> tags() {
        return tags;
    }

    /** The rendered body, decoded from its UTF-8 form: a new string on every call. */
    public String html() {
        return new String(html, StandardCharsets.UTF_8);
    }

    public int wordCount() {
        return wordCount;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The picture for social previews: a path on this site, or an absolute URL. */
    public Optional<String> image() {
        return image;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Post p
                && wordCount == p.wordCount
                && slug.equals(p.slug)
                && title.equals(p.title)
                && summary.equals(p.summary)
                && publishedAt.equals(p.publishedAt)
                && updatedAt.equals(p.updatedAt)
                && tags.equals(p.tags)
                && Arrays.equals(html, p.html)
                && aliases.equals(p.aliases)
                && image.equals(p.image);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                slug,
                title,
                summary,
                publishedAt,
                updatedAt,
                tags,
                Arrays.hashCode(html),
                wordCount,
                aliases,
                image);
    }

    @Override
    public String toString() {
        return "Post[slug=" + slug + ", title=" + title + ", publishedAt=" + publishedAt + "]";
    }
}
