package dev.homeweb.posts;

import dev.homeweb.routes.Routes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
    private static final String TAGS =
            """
            select pt.post_id, t.slug, t.name
            from post_tags pt join tags t on t.id = pt.tag_id
            order by t.slug
            """;
    private static final String ALIASES = "select post_id, path from post_aliases order by path";
    // Only what pages need: the Markdown and the search vector are the larger part of a row.
    private static final String POSTS =
            """
            select id, slug, title, summary, published_at, updated_at, body_html, word_count, draft,
                   image
            from posts
            where ? or not draft
            order by published_at desc, slug
            """;
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

    private static final int POSTS_PER_FETCH = 50;

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

    /** Every non-draft post, newest first. */
    public List<Post> allNonDraft() {
        return allNonDraft(List.of());
    }

    /**
     * Every non-draft post, newest first; a post whose body is the same as in {@code earlier} (the
     * posts read last time) shares its body with it.
     */
    public List<Post> allNonDraft(List<Post> earlier) {
        return read(earlier, false);
    }

    /** Every post, drafts too, newest first; bodies shared with {@code earlier} as above. */
    public List<Post> all(List<Post> earlier) {
        return read(earlier, true);
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

    private List<Post> read(List<Post> earlier, boolean drafts) {
        var earlierBySlug = new HashMap<String, Post>();
        earlier.forEach(p -> earlierBySlug.put(p.slug(), p));
        return connections.run(
                connection -> {
                    Map<Long, List<Tag>> tags = new HashMap<>();
                    try (var statement = connection.prepareStatement(TAGS);
                            var rs = statement.executeQuery()) {
                        while (rs.next()) {
                            tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                    .add(new Tag(rs.getString(2), rs.getString(3)));
                        }
                    }
                    Map<Long, List<String>> aliases = new HashMap<>();
                    try (var statement = connection.prepareStatement(ALIASES);
                            var rs = statement.executeQuery()) {
                        while (rs.next()) {
                            aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                    .add(rs.getString(2));
                        }
                    }
                    // A cursor, a few rows at a time: the driver would otherwise hold every row
                    // before the first is read, and each body is a string only until its post
                    // keeps it as UTF-8. So reading the corpus never needs it twice over.
                    var posts = new ArrayList<Post>();
                    // Cursors live in transactions; one the caller began is left to the caller.
                    boolean ownTransaction = connection.getAutoCommit();
                    if (ownTransaction) {
                        connection.setAutoCommit(false);
                    }
                    try (var statement = connection.prepareStatement(POSTS)) {
                        statement.setBoolean(1, drafts);
                        statement.setFetchSize(POSTS_PER_FETCH);
                        try (var rs = statement.executeQuery()) {
                            while (rs.next()) {
                                long id = rs.getLong(1);
                                var post =
                                        new Post(
                                                        rs.getString(2),
                                                        rs.getString(3),
                                                        Optional.ofNullable(rs.getString(4)),
                                                        instant(rs, 5),
                                                        Optional.ofNullable(instantOrNull(rs, 6)),
                                                        tags.getOrDefault(id, List.of()),
                                                        rs.getString(7),
                                                        rs.getInt(8),
                                                        aliases.getOrDefault(id, List.of()))
                                                .withDraft(rs.getBoolean(9))
                                                .withImage(Optional.ofNullable(rs.getString(10)));
                                posts.add(post.sharingBodyWith(earlierBySlug.get(post.slug())));
                            }
                        }
                    } finally {
                        if (ownTransaction) {
                            connection.rollback();
                            connection.setAutoCommit(true);
                        }
                    }
                    return posts;
                });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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
