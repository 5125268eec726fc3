package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.POSTS;
import static dev.homeweb.db.schema.Tables.POST_ALIASES;
import static dev.homeweb.db.schema.Tables.POST_FILES;
import static dev.homeweb.db.schema.Tables.POST_TAGS;
import static dev.homeweb.db.schema.Tables.TAGS;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Writes rendered posts with their tags and aliases in a few multi-row statements, rather than
 * several statements per post: an import's cost is then its data, not its round trips. Runs inside
 * the caller's transaction.
 */
final class PostWriter {
    /**
     * Rows per statement: small enough that PostgreSQL stores one chunk while the next is rendered;
     * at 14 binds a row, far below its limit of 65,535 bind values.
     */
    static final int CHUNK = 100;

    /**
     * A post ready to store, with the files it uses (see {@link PostFiles}); {@code problems} found
     * while rendering it mean it must not be stored.
     */
    record Row(
            SourcePost source,
            String html,
            String text,
            int wordCount,
            Optional<String> image,
            List<SiteFile> files,
            Map<String, String> addresses,
            List<ContentError> problems) {
        Row {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(image, "image");
            files = List.copyOf(files);
            addresses = Map.copyOf(addresses);
            problems = List.copyOf(problems);
        }
    }

    private final DSLContext db;

    PostWriter(DSLContext db) {
        this.db = db;
    }

    /** Deletes posts; their tag links and aliases go with them (on delete cascade). */
    void delete(List<Long> postIds) {
        if (!postIds.isEmpty()) {
            db.deleteFrom(POSTS).where(POSTS.ID.in(postIds)).execute();
        }
    }

    /** Clears the tag links, aliases and file addresses of posts about to be rewritten. */
    void clearTagsAndAliases(List<Long> postIds) {
        if (!postIds.isEmpty()) {
            // An alias may move from one changed post to another: clear them all before re-adding.
            db.deleteFrom(POST_ALIASES).where(POST_ALIASES.POST_ID.in(postIds)).execute();
            db.deleteFrom(POST_TAGS).where(POST_TAGS.POST_ID.in(postIds)).execute();
            db.deleteFrom(POST_FILES).where(POST_FILES.POST_ID.in(postIds)).execute();
        }
    }

    /**
     * Inserts new posts and updates changed ones (by slug), with their tags and aliases; at most
     * {@link #CHUNK} rows. Clear the tags and aliases of changed posts first.
     *
     * @return each post's id, by slug
     */
    Map<String, Long> write(List<Row> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        var ids = upsert(rows);
        insertTags(rows, ids);
        insertAliases(rows, ids);
        return ids;
    }

    private Map<String, Long> upsert(List<Row> rows) {
        var insert =
                db.insertInto(
                        POSTS,
                        POSTS.SLUG,
                        POSTS.SOURCE_PATH,
                        POSTS.CONTENT_HASH,
                        POSTS.TITLE,
                        POSTS.SUMMARY,
                        POSTS.PUBLISHED_AT,
                        POSTS.UPDATED_AT,
                        POSTS.DRAFT,
                        POSTS.TOC,
                        POSTS.BODY_MARKDOWN,
                        POSTS.BODY_HTML,
                        POSTS.BODY_TEXT,
                        POSTS.WORD_COUNT,
                        POSTS.IMAGE);
        for (var row : rows) {
            var source = row.source();
            var header = source.frontMatter();
            insert =
                    insert.values(
                            source.slug(),
                            source.file().getFileName().toString(),
                            source.contentHash(),
                            header.title(),
                            header.summary().orElse(null),
                            header.date().atOffset(ZoneOffset.UTC),
                            header.updated().map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null),
                            header.draft(),
                            header.toc(),
                            source.body(),
                            row.html(),
                            row.text(),
                            row.wordCount(),
                            row.image().orElse(null));
        }
        return insert.onConflict(POSTS.SLUG)
                .doUpdate()
                .setAllToExcluded()
                .returning(POSTS.SLUG, POSTS.ID)
                .fetchMap(POSTS.SLUG, POSTS.ID);
    }

    private void insertTags(List<Row> rows, Map<String, Long> postIds) {
        // The first spelling met names a new tag, as when posts were written one by one.
        var names = new LinkedHashMap<String, String>();
        var postTags = new ArrayList<Map.Entry<Long, String>>();
        for (var row : rows) {
            var postId = postIds.get(row.source().slug());
            var slugs = new LinkedHashSet<String>();
            for (var tag : row.source().frontMatter().tags()) {
                var slug = Tags.slug(tag);
                names.putIfAbsent(slug, tag);
                if (slugs.add(slug)) {
                    postTags.add(Map.entry(postId, slug));
                }
            }
        }
        if (names.isEmpty()) {
            return;
        }
        var insert = db.insertInto(TAGS, TAGS.SLUG, TAGS.NAME);
        for (var name : names.entrySet()) {
            insert = insert.values(name.getKey(), name.getValue());
        }
        insert.onConflict(TAGS.SLUG).doNothing().execute();
        var tagIds =
                db.select(TAGS.SLUG, TAGS.ID)
                        .from(TAGS)
                        .where(TAGS.SLUG.in(names.keySet()))
                        .fetchMap(TAGS.SLUG, TAGS.ID);
        var links = db.insertInto(POST_TAGS, POST_TAGS.POST_ID, POST_TAGS.TAG_ID);
        for (var link : postTags) {
            links = links.values(link.getKey(), tagIds.get(link.getValue()));
        }
        links.execute();
    }

    private void insertAliases(List<Row> rows, Map<String, Long> postIds) {
        var aliases = new LinkedHashMap<String, Long>();
        for (var row : rows) {
            for (var alias : row.source().frontMatter().aliases()) {
                aliases.put(alias, postIds.get(row.source().slug()));
            }
        }
        if (aliases.isEmpty()) {
            return;
        }
        var insert = db.insertInto(POST_ALIASES, POST_ALIASES.PATH, POST_ALIASES.POST_ID);
        for (var alias : aliases.entrySet()) {
            insert = insert.values(alias.getKey(), alias.getValue());
        }
        insert.onConflict(POST_ALIASES.PATH)
                .doUpdate()
                .set(POST_ALIASES.POST_ID, DSL.excluded(POST_ALIASES.POST_ID))
                .execute();
    }

    /** Deletes the tags no post uses any more. */
    void deleteUnusedTags() {
        db.deleteFrom(TAGS)
                .where(
                        DSL.notExists(
                                DSL.selectOne()
                                        .from(POST_TAGS)
                                        .where(POST_TAGS.TAG_ID.eq(TAGS.ID))))
                .execute();
    }
}
