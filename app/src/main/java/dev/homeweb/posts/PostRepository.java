package dev.homeweb.posts;

import static dev.homeweb.db.schema.Tables.POSTS;
import static dev.homeweb.db.schema.Tables.POST_ALIASES;
import static dev.homeweb.db.schema.Tables.POST_TAGS;
import static dev.homeweb.db.schema.Tables.TAGS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads posts. Drafts are never returned; scheduled posts are, and callers filter by time. */
public final class PostRepository {
    private final DSLContext dsl;

    public PostRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every non-draft post, newest first. */
    public List<Post> allNonDraft() {
        Map<Long, List<Tag>> tags = new HashMap<>();
        dsl.select(POST_TAGS.POST_ID, TAGS.SLUG, TAGS.NAME)
                .from(POST_TAGS)
                .join(TAGS)
                .on(TAGS.ID.eq(POST_TAGS.TAG_ID))
                .orderBy(TAGS.SLUG)
                .forEach(
                        r ->
                                tags.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                                        .add(new Tag(r.value2(), r.value3())));
        Map<Long, List<String>> aliases = new HashMap<>();
        dsl.select(POST_ALIASES.POST_ID, POST_ALIASES.PATH)
                .from(POST_ALIASES)
                .orderBy(POST_ALIASES.PATH)
                .forEach(
                        r ->
                                aliases.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                                        .add(r.value2()));
        // Only what pages need: the Markdown and the search vector are the larger part of a row.
        return dsl.select(
                        POSTS.ID,
                        POSTS.SLUG,
                        POSTS.TITLE,
                        POSTS.SUMMARY,
                        POSTS.PUBLISHED_AT,
                        POSTS.UPDATED_AT,
                        POSTS.BODY_HTML,
                        POSTS.WORD_COUNT)
                .from(POSTS)
                .where(POSTS.DRAFT.isFalse())
                .orderBy(POSTS.PUBLISHED_AT.desc(), POSTS.SLUG)
                .fetch(
                        r ->
                                new Post(
                                        r.get(POSTS.SLUG),
                                        r.get(POSTS.TITLE),
                                        Optional.ofNullable(r.get(POSTS.SUMMARY)),
                                        r.get(POSTS.PUBLISHED_AT).toInstant(),
                                        Optional.ofNullable(r.get(POSTS.UPDATED_AT))
                                                .map(OffsetDateTime::toInstant),
                                        tags.getOrDefault(r.get(POSTS.ID), List.of()),
                                        r.get(POSTS.BODY_HTML),
                                        r.get(POSTS.WORD_COUNT),
                                        aliases.getOrDefault(r.get(POSTS.ID), List.of())));
    }

    /**
     * Published posts matching a web-search style query ("quoted phrase", -word, or), best first,
     * with a snippet in which matches are wrapped in {@link SearchHit} markers.
     */
    public List<SearchHit> search(String query, Instant now, int limit) {
        var options =
                "StartSel="
                        + SearchHit.MARK_START
                        + ", StopSel="
                        + SearchHit.MARK_END
                        + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
        return dsl.resultQuery(
                        """
                        select p.slug, p.title, p.published_at,
                               ts_headline('english', p.body_markdown, q, {0}) as snippet,
                               ts_rank(p.search_vector, q) as rank
                        from posts p, websearch_to_tsquery('english', {1}) q
                        where not p.draft and p.published_at <= {2} and p.search_vector @@ q
                        order by rank desc, p.published_at desc, p.slug
                        limit {3}
                        """,
                        DSL.val(options),
                        DSL.val(query),
                        DSL.val(now.atOffset(ZoneOffset.UTC)),
                        DSL.val(limit))
                .fetch(
                        r ->
                                new SearchHit(
                                        r.get(0, String.class),
                                        r.get(1, String.class),
                                        r.get(2, OffsetDateTime.class).toInstant(),
                                        r.get(3, String.class),
                                        r.get(4, Float.class)));
    }

    /** Number of posts, drafts included; cheap enough for a health check. */
    public int countAll() {
        return dsl.fetchCount(POSTS);
    }
}
