package dev.homeweb.posts;

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
import org.jooq.exception.DataAccessException;

/**
 * Reads posts. Drafts are never returned; scheduled posts are, and callers filter by time.
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
            select id, slug, title, summary, published_at, updated_at, body_html, word_count,
                   image
            from posts
            where not draft
            order by published_at desc, slug
            """;
    private static final String SEARCH =
            """
            select p.slug, p.title, p.published_at,
                   ts_headline('english', coalesce(nullif(p.body_text, ''), p.body_markdown), q, ?)
                       as snippet,
                   ts_rank(p.search_vector, q) as rank
            from posts p, websearch_to_tsquery('english', ?) q
            where not p.draft and p.published_at <= ? and p.search_vector @@ q
            order by rank desc, p.published_at desc, p.slug
            limit ?
            """;

    private static final int POSTS_PER_FETCH = 50;

    /** Where connections come from, and where they go back. */
    private interface Connections {
        Connection acquire() throws SQLException;

        void release(Connection connection) throws SQLException;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connections connections;

    public PostRepository(DataSource dataSource) {
        this.connections =
                new Connections() {
                    @Override
                    public Connection acquire() throws SQLException {
                        return dataSource.getConnection();
                    }

                    @Override
                    public void release(Connection connection) throws SQLException {
                        connection.close();
                    }
                };
    }

    /** Reads through the connections of a jOOQ context (tests and tools that hold one). */
    public PostRepository(DSLContext dsl) {
        var provider = dsl.configuration().connectionProvider();
        this.connections =
                new Connections() {
                    @Override
                    public Connection acquire() {
                        return provider.acquire();
                    }

                    @Override
                    public void release(Connection connection) {
                        provider.release(connection);
                    }
                };
    }

    private <T> T withConnection(Work<T> work) {
        try {
            var connection = connections.acquire();
            try {
                return work.run(connection);
            } finally {
                connections.release(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException("SQL failed: " + e.getMessage(), e);
        }
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
        var earlierBySlug = new HashMap<String, Post>();
        earlier.forEach(p -> earlierBySlug.put(p.slug(), p));
        return withConnection(
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
                                                .withImage(Optional.ofNullable(rs.getString(9)));
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
        var options =
                "StartSel="
                        + SearchHit.MARK_START
                        + ", StopSel="
                        + SearchHit.MARK_END
                        + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
        return withConnection(
                connection -> {
                    try (var statement = connection.prepareStatement(SEARCH)) {
                        statement.setString(1, options);
                        statement.setString(2, query);
                        statement.setObject(3, now.atOffset(ZoneOffset.UTC));
                        statement.setInt(4, limit);
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
        return withConnection(
                connection -> {
                    try (var statement = connection.prepareStatement("select count(*) from posts");
                            var rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
    }
}
