package dev.homeweb.web;

import dev.homeweb.posts.PostRepository;
import dev.homeweb.site.PageRenderer;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** {@code /search?q=}: PostgreSQL full-text search, rendered per request. */
public final class SearchPage {
    static final int MAX_QUERY = 200;
    private static final int MAX_RESULTS = 30;

    private final PostRepository posts;
    private final PageRenderer renderer;
    private final Clock clock;

    public SearchPage(PostRepository posts, PageRenderer renderer, Clock clock) {
        this.posts = posts;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Any input gives a page: empty, huge or odd queries are trimmed, never an error. */
    String render(@Nullable String rawQuery) {
        var query = clean(rawQuery);
        if (query.isEmpty()) {
            return renderer.search("", java.util.List.of(), false);
        }
        var hits = posts.search(query, clock.instant(), MAX_RESULTS + 1);
        var truncated = hits.size() > MAX_RESULTS;
        return renderer.search(query, truncated ? hits.subList(0, MAX_RESULTS) : hits, truncated);
    }

    static String clean(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        var text =
                raw.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]", " ")
                        .replaceAll("\\s+", " ")
                        .strip();
        if (text.length() > MAX_QUERY) {
            int end = MAX_QUERY;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            text = text.substring(0, end).strip();
        }
        return text;
    }
}
