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
            var line = new Line();
            int ord = 0;
            for (var row : rows) {
                line.reset();
                encode(row, ord++, line);
                copy.writeToCopy(line.bytes, 0, line.length);
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
    static void encode(PostWriter.Row row, int ord, Line out) {
        var source = row.source();
        var header = source.frontMatter();
        out.raw(Integer.toString(ord));
        out.field(source.slug());
        out.field(source.file().getFileName().toString());
        out.field(source.contentHash());
        out.field(header.title());
        out.field(header.summary().orElse(null));
        out.field(TIME.format(header.date()));
        out.field(header.updated().map(TIME::format).orElse(null));
        out.field(header.draft() ? "t" : "f");
        out.field(header.toc() ? "t" : "f");
        out.field(source.body());
        out.field(row.html());
        out.field(row.text());
        out.field(Integer.toString(row.wordCount()));
        out.field(row.image().orElse(null));
        out.raw("\n");
    }

    /**
     * A line's UTF-8 bytes, escaped as a whole field at a time: each value is encoded with the
     * JDK's intrinsic, then copied in runs between the few bytes COPY needs escaped. UTF-8 never
     * uses an ASCII byte inside a multi-byte character, so the scan cannot split one. Appending
     * char by char was a fifth of the import's CPU time under C1.
     */
    static final class Line {
        byte[] bytes = new byte[64 * 1024];
        int length;

        void reset() {
            length = 0;
        }

        void raw(String ascii) {
            var value = ascii.getBytes(StandardCharsets.UTF_8);
            ensure(value.length);
            System.arraycopy(value, 0, bytes, length, value.length);
            length += value.length;
        }

        void field(@Nullable String value) {
            if (value == null) {
                raw("\t\\N");
                return;
            }
            var utf8 = value.getBytes(StandardCharsets.UTF_8);
            // At worst every byte is escaped into two.
            ensure(1 + 2 * utf8.length);
            bytes[length++] = '\t';
            int run = 0;
            for (int i = 0; i < utf8.length; i++) {
                byte escaped = escape(utf8[i]);
                if (escaped != 0) {
                    System.arraycopy(utf8, run, bytes, length, i - run);
                    length += i - run;
                    bytes[length++] = '\\';
                    bytes[length++] = escaped;
                    run = i + 1;
                }
            }
            System.arraycopy(utf8, run, bytes, length, utf8.length - run);
            length += utf8.length - run;
        }

        private static byte escape(byte b) {
            return switch (b) {
                case '\\' -> '\\';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
