package dev.homeweb.content;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Sends rendered posts to PostgreSQL with {@code COPY} into a staging table, then moves them into
 * {@code posts} with one {@code INSERT ... SELECT ... ON CONFLICT}: the rows travel as one stream
 * of text instead of 14 bind values each, and nothing builds the statement row by row. The staging
 * table lives in the caller's transaction only ({@code on commit drop}).
 */
final class PostCopy {
    private static final String COLUMNS =
            "slug, source_path, content_hash, title, summary, published_at, updated_at, draft, toc,"
                    + " body_markdown, body_html, body_text, word_count, image";

    private static final String STAGING =
            """
            create temp table import_posts (
                ord integer, slug text, source_path text, content_hash text, title text,
                summary text, published_at timestamptz, updated_at timestamptz, draft boolean,
                toc boolean, body_markdown text, body_html text, body_text text,
                word_count integer, image text
            ) on commit drop
            """;

    // In the staging table's order, so ids are handed out as the posts come, as before.
    private static final String UPSERT =
            "insert into posts ("
                    + COLUMNS
                    + ") select "
                    + COLUMNS
                    + " from import_posts order by ord on conflict (slug) do update set "
                    + String.join(
                            ", ",
                            Arrays.stream(COLUMNS.split(", "))
                                    .map(c -> c + " = excluded." + c)
                                    .toList())
                    + " returning slug, id";

    // UTC with the offset written out: what PostgreSQL reads back as the same instant.
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC);

    // Made by the first chunk; emptied for each next one.
    private boolean staged;

    /**
     * Inserts new posts and updates changed ones (by slug).
     *
     * @return each post's id, by slug
     */
    Map<String, Long> upsert(Connection connection, List<PostWriter.Row> rows) throws SQLException {
        try (var statement = connection.createStatement()) {
            if (!staged) {
                statement.execute(STAGING);
                staged = true;
            } else {
                statement.execute("truncate import_posts");
            }
        }
        var copy =
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy import_posts (ord, " + COLUMNS + ") from stdin");
        try {
            var line = new StringBuilder();
            int ord = 0;
            for (var row : rows) {
                line.setLength(0);
                encode(row, ord++, line);
                var bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        var ids = new HashMap<String, Long>();
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(UPSERT)) {
            while (result.next()) {
                ids.put(result.getString(1), result.getLong(2));
            }
        }
        return ids;
    }

    /** One line of COPY's text format: tab-separated fields, {@code \N} for null. */
    static void encode(PostWriter.Row row, int ord, StringBuilder out) {
        var source = row.source();
        var header = source.frontMatter();
        out.append(ord);
        field(out, source.slug());
        field(out, source.file().getFileName().toString());
        field(out, source.contentHash());
        field(out, header.title());
        field(out, header.summary().orElse(null));
        field(out, TIME.format(header.date()));
        field(out, header.updated().map(TIME::format).orElse(null));
        field(out, header.draft() ? "t" : "f");
        field(out, header.toc() ? "t" : "f");
        field(out, source.body());
        field(out, row.html());
        field(out, row.text());
        field(out, Integer.toString(row.wordCount()));
        field(out, row.image().orElse(null));
        out.append('\n');
    }

    private static void field(StringBuilder out, @Nullable String value) {
        out.append('\t');
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
    }
}
