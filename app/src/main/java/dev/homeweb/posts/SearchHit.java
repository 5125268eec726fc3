package dev.homeweb.posts;

import java.time.Instant;
import java.util.Objects;

/**
 * One search result. The snippet is plain text in which matches are wrapped in {@link #MARK_START}
 * and {@link #MARK_END}, so the page can escape it and then mark the matches.
 */
public record SearchHit(
        String slug, String title, Instant publishedAt, String snippet, float rank) {
    public static final String MARK_START = "\u0002";
    public static final String MARK_END = "\u0003";

    public SearchHit {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(snippet, "snippet");
    }
}
