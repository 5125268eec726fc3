package dev.homeweb.posts;

import dev.homeweb.internal.Sha256;
import dev.homeweb.routes.Routes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * Reads posts. Drafts are returned only when asked for, marked as such; scheduled posts are, and
 * callers filter by time.
 *
 * <p>Plain JDBC, not jOOQ: these are the only queries the server runs, and building them with jOOQ
 * loaded some 900 of its classes into every server process (metaspace and start-up time) for three
 * fixed statements.
 */
public final class PostRepository {
    // In slug order, the order of a post's tags.
    private static final String TAGS = "select id, slug, name from tags order by slug";
    private static final String ALIASES = "select post_id, path from post_aliases order by path";
    // Only what pages list: the bodies are most of a row, and are read only when the body store
    // does not hold them yet (the hash, kept by migration V8's trigger, says which). A post's tags
    // come as one column of tag ids, not as rows of their own: at 10,000 posts those were 24,000
    // rows, a third of the time a starting server spent reading posts. Unordered: sorting them in
    // the aggregate doubled the query's time.
    private static final String POSTS =
            """
            select p.id, p.slug, p.title, p.summary,
                   (extract(epoch from p.published_at) * 1000000)::bigint,
                   (extract(epoch from p.updated_at) * 1000000)::bigint,
                   p.body_sha256, p.word_count, p.draft, p.image, pt.tag_ids
            from posts p
            left join (
                select post_id, string_agg(tag_id::text, ',') as tag_ids
                from post_tags
                group by post_id
            ) pt on pt.post_id = p.id
            where ? or not p.draft
            order by p.published_at desc, p.slug
            """;
    private static final String BODIES = "select id, body_html from posts where id = any(?)";
    private static final String SEARCH =
            """
            select p.slug, p.title, p.published_at,
                   ts_headline('english', coalesce(nullif(p.body_text, ''), p.body_markdown), q, ?)
                       as snippet,
                   ts_rank(p.search_vector, q) as rank
            from posts p, websearch_to_tsquery('english', ?) q
            where (? or not p.draft) and p.published_at <= ? and p.search_vector @@ q
            order by rank desc, p.published_at desc, p.slug
            limit ?
            """;

    // Bodies are most of a row's bytes: a few at a time. The rest of a row is a few hundred bytes,
    // and every round trip is one more wait while a server starts (200 of them at 10,000 posts
    // and 50 a fetch).
    private static final int POSTS_PER_FETCH = 50;
    private static final int METADATA_PER_FETCH = 2_000;

    private final PostConnections connections;

    public PostRepository(DataSource dataSource) {
        this.connections = PostConnections.from(dataSource);
    }

    /** Reads over one connection that the caller holds and closes (the {@code import} command). */
    public PostRepository(Connection connection) {
        this.connections = PostConnections.from(connection);
    }

    /** Reads through the connections of a jOOQ context (tests and tools that hold one). */
    public PostRepository(DSLContext dsl) {
        this.connections = PostConnections.from(dsl);
    }

    /** Every non-draft post, newest first, their bodies held in memory. */
    public List<Post> allNonDraft() {
        return read(new MemoryBodies(), false);
    }

    /**
     * Every post, drafts too, newest first. Each body {@code bodies} does not hold yet is read and
     * put there, so every post returned can render; the rest stay where they are.
     */
    public List<Post> all(BodyStore bodies) {
        return read(bodies, true);
    }

    /** The database's key for draft preview addresses (made by a migration). */
    public PreviewKey previewKey() {
        return connections.run(
                connection -> {
                    try (var statement =
                                    connection.prepareStatement(
                                            "select secret from preview_key where id = 1");
                            var rs = statement.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException(
                                    "table preview_key has no row; migration V6 makes it");
                        }
                        return new PreviewKey(rs.getBytes(1));
                    }
                });
    }

    /** Every draft with its preview address, by slug. */
    public List<DraftPreview> draftPreviews() {
        var key = previewKey();
        return connections.run(
                connection -> {
                    var drafts = new ArrayList<DraftPreview>();
                    try (var statement =
                                    connection.prepareStatement(
                                            "select slug, source_path from posts where draft"
                                                    + " order by slug");
                            var rs = statement.executeQuery()) {
                        while (rs.next()) {
                            var slug = rs.getString(1);
                            drafts.add(
                                    new DraftPreview(
                                            slug,
                                            rs.getString(2),
                                            Routes.preview(key.token(slug))));
                        }
                    }
                    return drafts;
                });
    }

    private List<Post> read(BodyStore bodies, boolean drafts) {
        return connections.run(
                connection -> {
                    // One snapshot of the database for every query below, so the bodies read last
                    // are those of the posts read first; a transaction the caller began is left
                    // to the caller. Cursors (fetch size) need a transaction too.
                    boolean ownTransaction = connection.getAutoCommit();
                    int isolation = connection.getTransactionIsolation();
                    if (ownTransaction) {
                        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                        connection.setAutoCommit(false);
                    }
                    try {
                        var wanted = new LinkedHashMap<Long, String>();
                        var posts = readPosts(connection, bodies, drafts, wanted);
                        readBodies(connection, wanted, bodies);
                        return posts;
                    } finally {
                        if (ownTransaction) {
                            connection.rollback();
                            connection.setAutoCommit(true);
                            connection.setTransactionIsolation(isolation);
                        }
                    }
                });
    }

    /** The posts; each one whose body {@code bodies} lacks is put in {@code wanted}, by id. */
    private static List<Post> readPosts(
            Connection connection, BodyStore bodies, boolean drafts, Map<Long, String> wanted)
            throws SQLException {
        // One Tag for all the posts that have it: a tag is on hundreds of posts, and the server
        // holds every post. Its place in slug order sorts a post's tags.
        var bySlug = new ArrayList<Tag>();
        Map<Long, Integer> places = new HashMap<>();
        try (var statement = connection.prepareStatement(TAGS);
                var rs = statement.executeQuery()) {
            while (rs.next()) {
                places.put(rs.getLong(1), bySlug.size());
                bySlug.add(new Tag(rs.getString(2), rs.getString(3)));
            }
        }
        Map<Long, List<String>> aliases = new HashMap<>();
        try (var statement = connection.prepareStatement(ALIASES);
                var rs = statement.executeQuery()) {
            while (rs.next()) {
                aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        var posts = new ArrayList<Post>();
        var missing = new HashSet<String>();
        try (var statement = connection.prepareStatement(POSTS)) {
            statement.setBoolean(1, drafts);
            statement.setFetchSize(METADATA_PER_FETCH);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    var hash = rs.getString(7);
                    if (!bodies.has(hash) && missing.add(hash)) {
                        wanted.put(id, hash);
                    }
                    posts.add(
                            new Post(
                                            rs.getString(2),
                                            rs.getString(3),
                                            Optional.ofNullable(rs.getString(4)),
                                            micros(rs.getLong(5)),
                                            updated(rs),
                                            tags(rs.getString(11), places, bySlug),
                                            PostBody.stored(hash, bodies),
                                            rs.getInt(8),
                                            aliases.getOrDefault(id, List.of()))
                                    .withDraft(rs.getBoolean(9))
                                    .withImage(Optional.ofNullable(rs.getString(10))));
                }
            }
        }
        return posts;
    }

    /**
     * The tags of a post in slug order, from its tag ids as the posts' query writes them ({@code
     * 3,1,12}, or null for none).
     */
    private static List<Tag> tags(String ids, Map<Long, Integer> places, List<Tag> bySlug) {
        if (ids == null) {
            return List.of();
        }
        var found = new int[ids.length() / 2 + 1];
        int count = 0;
        long id = 0;
        for (int i = 0; i <= ids.length(); i++) {
            char c = i < ids.length() ? ids.charAt(i) : ',';
            if (c != ',') {
                id = id * 10 + (c - '0');
                continue;
            }
            // A post has a few tags: an insertion sort by place.
            int place = places.get(id);
            int at = count++;
            while (at > 0 && found[at - 1] > place) {
                found[at] = found[at - 1];
                at--;
            }
            found[at] = place;
            id = 0;
        }
        var tags = new Tag[count];
        for (int i = 0; i < count; i++) {
            tags[i] = bySlug.get(found[i]);
        }
        return List.of(tags);
    }

    /** Reads the bodies in {@code wanted} a few at a time, each checked against its hash. */
    private static void readBodies(
            Connection connection, Map<Long, String> wanted, BodyStore bodies) throws SQLException {
        var ids = new ArrayList<>(wanted.keySet());
        for (int from = 0; from < ids.size(); from += POSTS_PER_FETCH) {
            var batch = ids.subList(from, Math.min(ids.size(), from + POSTS_PER_FETCH));
            try (var statement = connection.prepareStatement(BODIES)) {
                statement.setArray(1, connection.createArrayOf("bigint", batch.toArray()));
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        var expected = wanted.get(rs.getLong(1));
                        var bytes = rs.getString(2).getBytes(StandardCharsets.UTF_8);
                        var actual = Sha256.hex(bytes);
                        if (!actual.equals(expected)) {
                            // Same snapshot as the posts: only a difference in hashing gets here.
                            throw new IllegalStateException(
                                    "post body of post id "
                                            + rs.getLong(1)
                                            + " has SHA-256 "
                                            + actual
                                            + " in Java and "
                                            + expected
                                            + " in PostgreSQL");
                        }
                        bodies.put(actual, bytes);
                    }
                }
            }
        }
    }

    private static Instant micros(long sinceEpoch) {
        return Instant.EPOCH.plus(sinceEpoch, ChronoUnit.MICROS);
    }

    private static Optional<Instant> updated(ResultSet rs) throws SQLException {
        long value = rs.getLong(6);
        return rs.wasNull() ? Optional.empty() : Optional.of(micros(value));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /**
     * Published posts matching a web-search style query ("quoted phrase", -word, or), best first,
     * with a snippet in which matches are wrapped in {@link SearchHit} markers.
     */
    public List<SearchHit> search(String query, Instant now, int limit) {
        return search(query, now, limit, false);
    }

    /** As {@link #search(String, Instant, int)}; drafts too when {@code drafts} (local preview). */
    public List<SearchHit> search(String query, Instant now, int limit, boolean drafts) {
        var options =
                "StartSel="
                        + SearchHit.MARK_START
                        + ", StopSel="
                        + SearchHit.MARK_END
                        + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
        return connections.run(
                connection -> {
                    try (var statement = connection.prepareStatement(SEARCH)) {
                        statement.setString(1, options);
                        statement.setString(2, query);
                        statement.setBoolean(3, drafts);
                        statement.setObject(4, now.atOffset(ZoneOffset.UTC));
                        statement.setInt(5, limit);
                        var hits = new ArrayList<SearchHit>();
                        try (var rs = statement.executeQuery()) {
                            while (rs.next()) {
                                hits.add(
                                        new SearchHit(
                                                rs.getString(1),
                                                rs.getString(2),
                                                instant(rs, 3),
                                                rs.getString(4),
                                                rs.getFloat(5)));
                            }
                        }
                        return hits;
                    }
                });
    }

    /** Number of posts, drafts included; cheap enough for a health check. */
    public int countAll() {
        return connections.run(
                connection -> {
                    try (var statement = connection.prepareStatement("select count(*) from posts");
                            var rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
    }
}
