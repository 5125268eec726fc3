package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.FILES;
import static dev.homeweb.db.schema.Tables.FILE_VARIANTS;
import static dev.homeweb.db.schema.Tables.POSTS;
import static dev.homeweb.db.schema.Tables.POST_FILES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.PostFolder;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Post folders on import: what is stored once, and what is refused with nothing changed. */
@ExtendWith(PostgresExtension.class)
class PostFolderImportIT {
    private static final String HEADER = "title: Pictures\ndate: 2026-01-01\n";

    @TempDir Path dir;

    ContentImporter importer(TestDatabase db) {
        return new ContentImporter(db.dsl(), new ContentReader(), new MarkdownRenderer());
    }

    /** Every stored row of the posts and files, with its version: any write changes one. */
    static Map<String, List<String>> everything(TestDatabase db) {
        return Map.of(
                "posts", versions(db, POSTS, "slug"),
                "files", versions(db, FILES, "hash"),
                "post_files", versions(db, POST_FILES, "path"));
    }

    private static List<String> versions(TestDatabase db, Table<?> table, String key) {
        return db.dsl()
                .select(DSL.field(key + " || ':' || xmin::text", String.class))
                .from(table)
                .orderBy(1)
                .fetch(0, String.class);
    }

    PostFolder imported(TestDatabase db) {
        db.migrate();
        var folder =
                PostFolder.in(new ContentDir(dir), "pictures")
                        .text(HEADER, "![A wide chart](wide.png)\n")
                        .image("wide.png", "png", 1500, 300);
        importer(db).importFrom(dir);
        return folder;
    }

    @Test
    void aWideImageIsStoredOnceWithItsCopies(TestDatabase db) {
        imported(db);

        assertThat(db.dsl().fetchCount(FILES)).as("the image and two copies").isEqualTo(3);
        assertThat(db.dsl().select(FILE_VARIANTS.WIDTH).from(FILE_VARIANTS).fetch(0, Integer.class))
                .containsExactlyInAnyOrder(672, 1344);
        assertThat(db.dsl().fetchCount(POST_FILES)).isEqualTo(3);
    }

    @Test
    void anEditedPostKeepsItsUnchangedImageAsStored(TestDatabase db) {
        var folder = imported(db);
        var files = everything(db).get("files");

        folder.text(HEADER, "New words.\n\n![A wide chart](wide.png)\n");
        var report = importer(db).importFrom(dir);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(everything(db).get("files")).as("not decoded or written again").isEqualTo(files);
    }

    @Test
    void aChangedImageReplacesTheOldOne(TestDatabase db) {
        var folder = imported(db);
        var before = everything(db).get("files");

        folder.image("wide.png", "png", 800, 300);
        importer(db).importFrom(dir);

        assertThat(db.dsl().fetchCount(FILES)).as("the new image and one copy").isEqualTo(2);
        assertThat(everything(db).get("files")).doesNotContainAnyElementsOf(before);
    }

    void refused(TestDatabase db, Runnable breakIt, String... expected) {
        var folder = imported(db);
        var before = everything(db);
        breakIt.run();

        assertThatThrownBy(() -> importer(db).importFrom(dir))
                .isInstanceOf(ContentException.class)
                .hasMessageContainingAll(expected);
        assertThat(everything(db)).isEqualTo(before);
        assertThat(folder).isNotNull();
    }

    PostFolder folder() {
        return PostFolder.in(new ContentDir(dir), "pictures");
    }

    @Test
    void aMissingFileIsRefusedWithItsLine(TestDatabase db) {
        refused(
                db,
                () -> folder().text(HEADER, "Intro.\n\n![A chart](wide.png)\n![Gone](gone.png)\n"),
                "pictures/index.md:8: no file 'gone.png' in the post's folder posts/pictures/;"
                        + " it holds: wide.png");
    }

    @Test
    void aPathOutOfTheFolderIsRefused(TestDatabase db) {
        refused(
                db,
                () -> folder().text(HEADER, "See [the key](../../secrets/key).\n"),
                "pictures/index.md:5: '../../secrets/key' leaves the post's folder posts/pictures/");
    }

    @Test
    void anImageWithoutAltTextIsRefused(TestDatabase db) {
        refused(
                db,
                () -> folder().text(HEADER, "Text.\n\n![](wide.png)\n"),
                "pictures/index.md:7: image 'wide.png' has no alt text",
                "![](wide.png \"\")");
    }

    @Test
    void aFileOverTheLimitIsRefused(TestDatabase db) {
        refused(
                db,
                () -> {
                    try (var file =
                            new RandomAccessFile(folder().path("huge.bin").toFile(), "rw")) {
                        file.setLength(SiteFile.MAX_BYTES + 1);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    folder().text(HEADER, "![A chart](wide.png) and [data](huge.bin)\n");
                },
                "pictures/index.md:5: 'huge.bin' is 20.0 MB, over the 20 MB limit");
    }

    @Test
    void twoNamesThatGiveOneAddressAreRefused(TestDatabase db) {
        refused(
                db,
                () ->
                        folder().file("caf\u00e9.png", "composed")
                                .file("cafe\u0301.png", "decomposed"),
                "has the same name as",
                "rename one of them");
    }

    @Test
    void aSiteWideFileAtAnAddressOfTheSiteIsRefused(TestDatabase db) {
        refused(
                db,
                () -> new PostFolder(dir.resolve("static")).file("sitemap.xml", "<urlset/>"),
                "static/sitemap.xml: would be served at /sitemap.xml, which the site itself uses");
    }

    @Test
    void everyProblemIsListedAtOnce(TestDatabase db) {
        refused(
                db,
                () -> {
                    folder().text(HEADER, "![](wide.png)\n\n![x](nope.png)\n");
                    PostFolder.in(new ContentDir(dir), "other")
                            .text("title: Other\ndate: 2026-01-02\n", "[y](missing.pdf)\n");
                },
                "3 problems",
                "pictures/index.md:5:",
                "pictures/index.md:7:",
                "other/index.md:5:");
    }
}
