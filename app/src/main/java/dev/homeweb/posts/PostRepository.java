package dev.homeweb.posts;

import static dev.homeweb.db.schema.Tables.POSTS;
import static dev.homeweb.db.schema.Tables.POST_TAGS;
import static dev.homeweb.db.schema.Tables.TAGS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

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
        return dsl.selectFrom(POSTS)
                .where(POSTS.DRAFT.isFalse())
                .orderBy(POSTS.PUBLISHED_AT.desc(), POSTS.SLUG)
                .fetch(
                        r ->
                                new Post(
                                        r.getSlug(),
                                        r.getTitle(),
                                        Optional.ofNullable(r.getSummary()),
                                        r.getPublishedAt().toInstant(),
                                        Optional.ofNullable(r.getUpdatedAt())
                                                .map(OffsetDateTime::toInstant),
                                        tags.getOrDefault(r.getId(), List.of()),
                                        r.getBodyHtml(),
                                        r.getWordCount()));
    }

    /** Number of posts, drafts included; cheap enough for a health check. */
    public int countAll() {
        return dsl.fetchCount(POSTS);
    }
}
