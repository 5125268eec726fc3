package dev.homeweb.posts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A published, scheduled or draft post as stored: its body is already rendered HTML.
 *
 * <p>The server keeps every post in memory for as long as it runs, but not the bodies, which are
 * most of a post's bytes: a {@link PostBody} names one by its hash and reads it from where the
 * server keeps bodies when a page is rendered.
 */
public final class Post {
    private static final int WORDS_PER_MINUTE = 200;

    private final String slug;
    private final String title;
    private final Optional<String> summary;
    private final Instant publishedAt;
    private final Optional<Instant> updatedAt;
    private final List<Tag> tags;
    private final PostBody body;
    private final int wordCount;
    private final List<String> aliases;
    private final boolean draft;
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
        this(
                slug,
                title,
                summary,
                publishedAt,
                updatedAt,
                tags,
                PostBody.of(Objects.requireNonNull(html, "html")),
                wordCount,
                aliases);
    }

    /** A post whose body is kept elsewhere, read when a page needs it. */
    public Post(
            String slug,
            String title,
            Optional<String> summary,
            Instant publishedAt,
            Optional<Instant> updatedAt,
            List<Tag> tags,
            PostBody body,
            int wordCount,
            List<String> aliases) {
        this.slug = Objects.requireNonNull(slug, "slug");
        this.title = Objects.requireNonNull(title, "title");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.publishedAt = Objects.requireNonNull(publishedAt, "publishedAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.tags = List.copyOf(tags);
        this.body = Objects.requireNonNull(body, "body");
        this.wordCount = wordCount;
        this.aliases = List.copyOf(aliases);
        this.draft = false;
        this.image = Optional.empty();
    }

    /**
     * This post as a draft ({@code draft: true}) or not: a draft is shown only at its preview
     * address, or listed by a local preview.
     */
    public Post withDraft(boolean isDraft) {
        return isDraft == draft ? this : new Post(this, body, isDraft, image);
    }

    /** This post with its picture for social previews: a path on this site, or an absolute URL. */
    public Post withImage(Optional<String> picture) {
        return picture.equals(image) ? this : new Post(this, body, draft, picture);
    }

    private Post(Post post, PostBody body, boolean draft, Optional<String> image) {
        this.slug = post.slug;
        this.title = post.title;
        this.summary = post.summary;
        this.publishedAt = post.publishedAt;
        this.updatedAt = post.updatedAt;
        this.tags = post.tags;
        this.body = body;
        this.wordCount = post.wordCount;
        this.aliases = post.aliases;
        this.draft = draft;
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

    /** The rendered body, read and decoded: a new string on every call. */
    public String html() {
        return body.html();
    }

    public PostBody body() {
        return body;
    }

    public int wordCount() {
        return wordCount;
    }

    public List<String> aliases() {
        return aliases;
    }

    public boolean draft() {
        return draft;
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
                && draft == p.draft
                && slug.equals(p.slug)
                && title.equals(p.title)
                && summary.equals(p.summary)
                && publishedAt.equals(p.publishedAt)
                && updatedAt.equals(p.updatedAt)
                && tags.equals(p.tags)
                && body.equals(p.body)
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
                body,
                wordCount,
                aliases,
                draft,
                image);
    }

    @Override
    public String toString() {
        return "Post[slug=" + slug + ", title=" + title + ", publishedAt=" + publishedAt + "]";
    }
}
