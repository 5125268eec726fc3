package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.POSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import's fast path (rows sent with COPY, tags and aliases as arrays, rendering a few chunks
 * ahead of the writer) stores exactly what the renderer made: the jOOQ path before it bound these
 * very Java values, so equal values are the same database state.
 */
@ExtendWith(PostgresExtension.class)
class CopyImportIT {
    @TempDir Path dir;

    /** Text COPY must escape or could misread: backslashes, tabs, its null marker, line ends. */
    static final String AWKWARD =
            "a \\ backslash, a \\N, a\ttab, trailing space \n\n"
                    + "日本語 and 😀 outside the BMP; `code \\t` and\r\nCRLF\n\n"
                    + "```sh\necho \"\\\\n\"\t# tab\n```\n";

    ContentImporter importer(TestDatabase db) {
        return new ContentImporter(db.dsl(), new ContentReader(), new MarkdownRenderer());
    }

    /** More posts than fit the chunks rendered ahead, with every kind of column set. */
    ContentDir corpus(TestDatabase db, int count) {
        db.migrate();
        var content = new ContentDir(dir);
        for (int i = 0; i < count; i++) {
            content.post(
                    String.format("p%03d.md", i),
                    "---\ntitle: \"T\\\\"
                            + i
                            + "\\tx\"\ndate: 2026-01-01T10:00:0"
                            + (i % 10)
                            + "Z\n"
                            + (i % 3 == 0 ? "summary: \"S\\\\N " + i + "\"\n" : "")
                            + (i % 4 == 0 ? "updated: 2026-02-01T00:00:00+02:00\n" : "")
                            + (i % 5 == 0 ? "toc: true\n" : "")
                            + (i % 6 == 0 ? "draft: true\n" : "")
                            + "tags: [Tag "
                            + (i % 9)
                            + ", 日本語, tag "
                            + (i % 9)
                            + "]\naliases: [/old/"
                            + i
                            + ".html]\n---\n## Heading "
                            + i
                            + "\n\n"
                            + (i % 7 == 0
                                    ? "![a picture](https://example.org/" + i + ".png)\n\n"
                                    : "")
                            + AWKWARD);
        }
        return content;
    }

    @Test
    void storesEveryColumnAsRenderedAndHandsOutIdsInFileOrder(TestDatabase db) {
        int count = PostWriter.CHUNK * (Rendering.AHEAD + 2) + 7;
        corpus(db, count);

        importer(db).importFrom(dir);

        var sources = new ContentReader().read(dir);
        var renderer = new MarkdownRenderer();
        var rows = db.dsl().selectFrom(POSTS).orderBy(POSTS.ID).fetch();
        assertThat(rows).hasSize(count);
        for (int i = 0; i < count; i++) {
            var source = sources.get(i);
            var header = source.frontMatter();
            var rendered = renderer.render(source.body(), header.toc());
            Record row = rows.get(i);
            assertThat(row.get(POSTS.SLUG)).isEqualTo(source.slug());
            assertThat(row.get(POSTS.SOURCE_PATH))
                    .isEqualTo(source.file().getFileName().toString());
            assertThat(row.get(POSTS.CONTENT_HASH)).isEqualTo(source.contentHash());
            assertThat(row.get(POSTS.TITLE)).isEqualTo(header.title()).contains("\\", "\t");
            assertThat(row.get(POSTS.SUMMARY)).isEqualTo(header.summary().orElse(null));
            assertThat(row.get(POSTS.PUBLISHED_AT))
                    .isEqualTo(header.date().atOffset(ZoneOffset.UTC));
            assertThat(row.get(POSTS.UPDATED_AT))
                    .isEqualTo(header.updated().map(u -> u.atOffset(ZoneOffset.UTC)).orElse(null));
            assertThat(row.get(POSTS.DRAFT)).isEqualTo(header.draft());
            assertThat(row.get(POSTS.TOC)).isEqualTo(header.toc());
            assertThat(row.get(POSTS.BODY_MARKDOWN)).isEqualTo(source.body()).contains("\\N");
            assertThat(row.get(POSTS.BODY_HTML)).isEqualTo(rendered.html());
            assertThat(row.get(POSTS.BODY_TEXT)).isEqualTo(rendered.text());
            assertThat(row.get(POSTS.WORD_COUNT)).isEqualTo(WordCount.of(source.body()));
            // The first image, as no post has an image: key.
            assertThat(row.get(POSTS.IMAGE))
                    .isEqualTo(i % 7 == 0 ? "https://example.org/" + i + ".png" : null);
        }
        // Tags get their ids in the order posts first name them, one per slug.
        assertThat(
                        db.dsl()
                                .fetch("select slug, name from tags order by id")
                                .map(r -> r.get(0, String.class) + "=" + r.get(1, String.class)))
                .startsWith("tag-0=Tag 0", Tags.slug("日本語") + "=日本語", "tag-1=Tag 1")
                .hasSize(10);
        assertThat(db.dsl().fetchCount(DSL.table("post_tags"))).isEqualTo(count * 2);
        assertThat(
                        db.dsl()
                                .fetchValue(
                                        "select count(*) from post_aliases a join posts p on"
                                                + " p.id = a.post_id where a.path = '/old/' ||"
                                                + " right(p.slug, 3)::int || '.html'"))
                .isEqualTo((long) count);
    }

    @Test
    void aReimportOfTheSameFilesChangesNoRow(TestDatabase db) {
        corpus(db, PostWriter.CHUNK + 3);
        importer(db).importFrom(dir);
        var before = ImportIT.rowVersions(db);

        var report = importer(db).importFrom(dir);

        assertThat(report.added() + report.updated() + report.removed()).isZero();
        assertThat(ImportIT.rowVersions(db)).isEqualTo(before);
    }

    @Test
    void aProblemInALaterChunkUndoesTheChunksAlreadySent(TestDatabase db) {
        var content = corpus(db, 3);
        importer(db).importFrom(dir);
        var before = ImportIT.rowVersions(db);
        var added = new ArrayList<String>();
        int count = PostWriter.CHUNK * (Rendering.AHEAD + 1);
        for (int i = 0; i < count; i++) {
            added.add(String.format("q%03d.md", i));
            content.post(added.get(i), "Q" + i, "2026-01-01", "");
        }
        // An image without alt text is found while rendering, after earlier chunks were written.
        content.post(
                added.get(count - 2), "---\ntitle: Q\ndate: 2026-01-01\n---\nx\n\n![](a.png)\n");

        assertThatThrownBy(() -> importer(db).importFrom(dir))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining(added.get(count - 2) + ":7");
        assertThat(ImportIT.rowVersions(db)).isEqualTo(before);
        assertThat(db.dsl().fetchCount(DSL.table("tags"))).isEqualTo(4);
        List<String> tables =
                db.dsl()
                        .fetch("select relname from pg_class where relname = 'import_posts'")
                        .getValues(0, String.class);
        assertThat(tables).isEmpty();
    }
}
