package dev.homeweb.web;

import dev.homeweb.db.ConnectionFailed;
import dev.homeweb.posts.PostRepository;
import dev.homeweb.posts.SearchHit;
import dev.homeweb.site.PageRenderer;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /search?q=}: PostgreSQL full-text search, rendered per request. */
public final class SearchPage {
    private static final Logger LOG = LoggerFactory.getLogger(SearchPage.class);
    static final int MAX_QUERY = 200;
    private static final int MAX_RESULTS = 30;

    private final PostRepository posts;
    private final Supplier<PageRenderer> renderer;
    private final Clock clock;
    private final boolean drafts;

    /**
     * @param renderer the current one: the local preview swaps it when the theme changes
     * @param drafts whether drafts are found too (a local preview that lists them)
     */
    public SearchPage(
            PostRepository posts, Supplier<PageRenderer> renderer, Clock clock, boolean drafts) {
        this.posts = posts;
        this.renderer = renderer;
        this.clock = clock;
        this.drafts = drafts;
    }

    /** A rendered search page; {@code databaseDown} when it says search is away for a moment. */
    record Answer(String html, boolean databaseDown) {}

    /**
     * Any input gives a page: empty, huge or odd queries are trimmed, never an error. While the
     * database cannot be reached the page says so and keeps the query in the box.
     */
    Answer render(@Nullable String rawQuery) {
        var query = clean(rawQuery);
        if (query.isEmpty()) {
            return new Answer(renderer.get().search("", java.util.List.of(), false), false);
        }
        List<SearchHit> hits;
        try {
            hits = posts.search(query, clock.instant(), MAX_RESULTS + 1, drafts);
        } catch (RuntimeException e) {
            if (!ConnectionFailed.isCauseOf(e)) {
                throw e;
            }
            LOG.warn("search unavailable: the database cannot be reached ({})", e.getMessage());
            return new Answer(renderer.get().searchUnavailable(query), true);
        }
        var truncated = hits.size() > MAX_RESULTS;
        return new Answer(
                renderer.get()
                        .search(query, truncated ? hits.subList(0, MAX_RESULTS) : hits, truncated),
                false);
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
