package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.POSTS;
import static dev.homeweb.db.schema.Tables.POST_ALIASES;
import static dev.homeweb.db.schema.Tables.POST_FILES;
import static dev.homeweb.db.schema.Tables.POST_TAGS;
import static dev.homeweb.db.schema.Tables.TAGS;

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
 * Writes rendered posts with their tags and aliases in a few set-based statements per chunk (the
 * posts by {@link PostCopy}), rather than several statements per post: an import's cost is then its
 * data, not its round trips. Runs inside the caller's transaction.
 */
final class PostWriter {
    /**
     * Posts per chunk: small enough that PostgreSQL stores one chunk while the next is rendered,
     * and that the chunks rendered ahead of the writer fit a small heap.
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

    // Arrays in one bind each: plain JDBC, so jOOQ builds no statement per chunk. Ordered as given,
    // so new tags get their ids in the order the posts name them.
    private static final String INSERT_TAGS =
            """
            insert into tags (slug, name)
            select slug, name from unnest(?::text[], ?::text[]) with ordinality as t(slug, name, ord)
            order by ord
            on conflict (slug) do nothing
            """;

    private static final String INSERT_POST_TAGS =
            """
            insert into post_tags (post_id, tag_id)
            select l.post_id, tags.id
            from unnest(?::bigint[], ?::text[]) with ordinality as l(post_id, slug, ord)
            join tags on tags.slug = l.slug
            order by l.ord
            """;

    private static final String INSERT_ALIASES =
            """
            insert into post_aliases (path, post_id)
            select path, post_id from unnest(?::text[], ?::bigint[]) with ordinality as a(path, post_id, ord)
            order by ord
            on conflict (path) do update set post_id = excluded.post_id
            """;

    private final DSLContext db;
    private final PostCopy copy = new PostCopy();

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
        return db.connectionResult(connection -> copy.upsert(connection, rows));
    }

    private void insertTags(List<Row> rows, Map<String, Long> postIds) {
        // The first spelling met names a new tag, as when posts were written one by one.
        var names = new LinkedHashMap<String, String>();
        var linkPosts = new ArrayList<Long>();
        var linkSlugs = new ArrayList<String>();
        for (var row : rows) {
            var postId = postIds.get(row.source().slug());
            var slugs = new LinkedHashSet<String>();
            for (var tag : row.source().frontMatter().tags()) {
                var slug = Tags.slug(tag);
                names.putIfAbsent(slug, tag);
                if (slugs.add(slug)) {
                    linkPosts.add(postId);
                    linkSlugs.add(slug);
                }
            }
        }
        if (names.isEmpty()) {
            return;
        }
        db.connection(
                connection -> {
                    try (var tags = connection.prepareStatement(INSERT_TAGS);
                            var links = connection.prepareStatement(INSERT_POST_TAGS)) {
                        tags.setArray(
                                1, connection.createArrayOf("text", names.keySet().toArray()));
                        tags.setArray(
                                2, connection.createArrayOf("text", names.values().toArray()));
                        tags.execute();
                        links.setArray(1, connection.createArrayOf("bigint", linkPosts.toArray()));
                        links.setArray(2, connection.createArrayOf("text", linkSlugs.toArray()));
                        links.execute();
                    }
                });
    }

    private void insertAliases(List<Row> rows, Map<String, Long> postIds) {
        // One row per path, the last post naming it winning, as one statement may not set a row
        // twice.
        var aliases = new LinkedHashMap<String, Long>();
        for (var row : rows) {
            for (var alias : row.source().frontMatter().aliases()) {
                aliases.put(alias, postIds.get(row.source().slug()));
            }
        }
        if (aliases.isEmpty()) {
            return;
        }
        db.connection(
                connection -> {
                    try (var insert = connection.prepareStatement(INSERT_ALIASES)) {
                        insert.setArray(
                                1, connection.createArrayOf("text", aliases.keySet().toArray()));
                        insert.setArray(
                                2, connection.createArrayOf("bigint", aliases.values().toArray()));
                        insert.execute();
                    }
                });
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
