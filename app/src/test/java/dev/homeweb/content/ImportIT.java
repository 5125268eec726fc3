package dev.homeweb.content;

import static dev.homeweb.db.schema.Tables.POSTS;
import static dev.homeweb.db.schema.Tables.POST_ALIASES;
import static dev.homeweb.db.schema.Tables.POST_TAGS;
import static dev.homeweb.db.schema.Tables.TAGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.db.Migrations;
import dev.homeweb.db.PackagedMigrations;
import dev.homeweb.db.SingleConnectionDatabase;
import dev.homeweb.internal.Sha256;
import dev.homeweb.posts.PostRepository;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(PostgresExtension.class)
class ImportIT {
    @TempDir Path dir;

    ContentImporter importer(TestDatabase db) {
        return new ContentImporter(db.dsl(), new ContentReader(), new MarkdownRenderer());
    }

    /**
     * A migrated database into which posts a (dated 2026-01-01, with these front-matter lines) and
     * b (2026-01-02) were imported from {@link #dir}; change the returned folder for the next
     * import.
     */
    ContentDir aAndBImported(TestDatabase db, String aFrontMatter) {
        return imported(
                db,
                content -> {
                    content.post("a.md", "A", "2026-01-01", aFrontMatter);
                    content.post("b.md", "B", "2026-01-02", "");
                });
    }

    /**
     * A migrated database into which the posts {@code write} puts in {@link #dir} were imported.
     */
    ContentDir imported(TestDatabase db, Consumer<ContentDir> write) {
        db.migrate();
        var content = new ContentDir(dir);
        write.accept(content);
        importer(db).importFrom(dir);
        return content;
    }

    /** Row versions: any write to a row changes its xmin. */
    static Map<String, String> rowVersions(TestDatabase db) {
        return db.dsl()
                .select(POSTS.SLUG, DSL.field("xmin::text", String.class))
                .from(POSTS)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    @Test
    void migratesAnEmptyDatabase(TestDatabase db) {
        var applied = new Migrations(db.database().dataSource()).migrate();

        assertThat(applied).extracting(Migrations.Migration::version).startsWith("1");
        assertThat(db.dsl().fetchCount(POSTS)).isZero();
        assertThat(new Migrations(db.database().dataSource()).pending()).isEmpty();
        assertThat(new Migrations(db.database().dataSource()).migrate()).isEmpty();
    }

    @Test
    void firstImportAddsEveryPostWithItsTags(TestDatabase db) {
        db.migrate();
        var content = new ContentDir(dir);
        content.post("a.md", "A", "2026-01-01", "tags: [Java, Deploy]\n");
        content.post("b.md", "B", "2026-01-02", "tags: [java]\nsummary: Bee.\n");
        content.post("c.md", "C", "2026-01-03", "draft: true\n");

        var report = importer(db).importFrom(dir);

        assertThat(report).isEqualTo(new ImportReport(3, 0, 0, 0));
        var posts = new PostRepository(db.dsl()).allNonDraft();
        assertThat(posts).extracting(p -> p.slug()).containsExactly("b", "a");
        assertThat(posts.get(0).html()).isEqualTo("<p>Body of <em>B</em>.</p>\n");
        assertThat(posts.get(1).tags()).extracting(t -> t.slug()).containsExactly("deploy", "java");
        assertThat(db.dsl().fetchCount(TAGS)).isEqualTo(2);
    }

    @Test
    void rerunWithoutChangesWritesNothing(TestDatabase db) {
        aAndBImported(db, "tags: [x]\n");
        var before = rowVersions(db);

        var report = importer(db).importFrom(dir);

        assertThat(report).isEqualTo(new ImportReport(0, 0, 0, 2));
        assertThat(report.changedAnything()).isFalse();
        assertThat(rowVersions(db)).isEqualTo(before);
    }

    @Test
    void anEditUpdatesOnlyThatPost(TestDatabase db) {
        var content = aAndBImported(db, "tags: [old]\n");
        var before = rowVersions(db);

        content.post("a.md", "A edited", "2026-01-01", "tags: [new]\n");
        var report = importer(db).importFrom(dir);

        assertThat(report).isEqualTo(new ImportReport(0, 1, 0, 1));
        assertThat(rowVersions(db).get("b")).isEqualTo(before.get("b"));
        assertThat(rowVersions(db).get("a")).isNotEqualTo(before.get("a"));
        var a = post(db, "a");
        assertThat(a.title()).isEqualTo("A edited");
        assertThat(a.tags()).extracting(t -> t.slug()).containsExactly("new");
        assertThat(db.dsl().select(TAGS.SLUG).from(TAGS).fetch(TAGS.SLUG)).containsExactly("new");
    }

    /**
     * A starting server asks PostgreSQL for each body's hash instead of each body (migration V8):
     * the hash must follow every write of the body, or a server would serve the body it kept.
     */
    @Test
    void everyPostKeepsTheHashOfItsBodyThroughAnEdit(TestDatabase db) {
        var content = aAndBImported(db, "");
        content.post("a.md", "A edited", "2026-01-01", "");
        importer(db).importFrom(dir);

        var rows =
                db.dsl()
                        .select(POSTS.SLUG, POSTS.BODY_HTML, DSL.field("body_sha256", String.class))
                        .from(POSTS)
                        .fetch();
        assertThat(rows).hasSize(2);
        assertThat(rows.getValues(POSTS.BODY_HTML)).anyMatch(html -> html.contains("A edited"));
        for (var row : rows) {
            assertThat(row.value3())
                    .as(row.value1())
                    .isEqualTo(Sha256.hex(row.value2().getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aRemovedFileRemovesItsPost(TestDatabase db) {
        var content = aAndBImported(db, "");

        content.delete("a.md");
        var report = importer(db).importFrom(dir);

        assertThat(report).isEqualTo(new ImportReport(0, 0, 1, 1));
        assertThat(db.dsl().select(POSTS.SLUG).from(POSTS).fetch(POSTS.SLUG)).containsExactly("b");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "no front matter",
                "---\ntitle: X\n---\nmissing date\n",
                "---\ntitle: X\ndate: someday\n---\n",
                "---\ntitle: X\ndate: 2026-01-01\ncolour: red\n---\n",
                "---\ntitle: X\ndate: 2026-01-01\nslug: a\n---\nduplicate of a.md\n",
                "---\ntitle: [unclosed\ndate: 2026-01-01\n---\n",
                "---\ntitle: X\ndate: 2026-01-01\nslug: Bad Slug\n---\n"
            })
    void anyBadFileLeavesTheDatabaseAsItWas(String badFile, TestDatabase db) {
        var content = aAndBImported(db, "");
        var before = rowVersions(db);

        content.delete("b.md");
        content.post("a.md", "A changed", "2026-01-01", "");
        content.post("new.md", badFile);

        assertThatThrownBy(() -> importer(db).importFrom(dir))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("new.md");
        assertThat(rowVersions(db)).isEqualTo(before);
        assertThat(new PostRepository(db.dsl()).allNonDraft())
                .extracting(p -> p.title())
                .containsExactly("B", "A");
    }

    @Test
    void unreadableFileLeavesTheDatabaseAsItWas(TestDatabase db) throws Exception {
        imported(db, c -> c.post("a.md", "A", "2026-01-01", ""));
        java.nio.file.Files.write(
                dir.resolve("posts/bin.md"),
                new byte[] {'-', '-', '-', '\n', (byte) 0xff, (byte) 0xfe, '\n'});

        assertThatThrownBy(() -> importer(db).importFrom(dir))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("bin.md:2: not valid UTF-8");
        assertThat(rowVersions(db)).hasSize(1);
    }

    @Test
    void concurrentImportsBothSucceedAndAgree(TestDatabase db) throws Exception {
        db.migrate();
        var content = new ContentDir(dir);
        for (int i = 0; i < 20; i++) {
            content.post("p" + i + ".md", "P" + i, "2026-01-01", "tags: [t" + (i % 3) + "]\n");
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> importer(db).importFrom(dir));
            var second = pool.submit(() -> importer(db).importFrom(dir));
            var reports = List.of(first.get(), second.get());

            assertThat(reports).extracting(ImportReport::added).containsExactlyInAnyOrder(20, 0);
            assertThat(db.dsl().fetchCount(POSTS)).isEqualTo(20);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anAliasCanMoveFromOnePostToAnother(TestDatabase db) {
        var content = aAndBImported(db, "aliases: [/old.html]\n");

        content.post("a.md", "A", "2026-01-01", "");
        content.post("b.md", "B", "2026-01-02", "aliases: [/old.html, /older.html]\n");
        importer(db).importFrom(dir);

        var posts = new PostRepository(db.dsl()).allNonDraft();
        assertThat(posts)
                .filteredOn(p -> p.slug().equals("b"))
                .singleElement()
                .extracting(p -> p.aliases())
                .isEqualTo(List.of("/old.html", "/older.html"));
        assertThat(posts)
                .filteredOn(p -> p.slug().equals("a"))
                .singleElement()
                .extracting(p -> p.aliases())
                .isEqualTo(List.of());
    }

    @Test
    void aRendererVersionBumpReRendersUnchangedFiles(TestDatabase db) {
        db.migrate();
        var content = new ContentDir(dir);
        content.post("a.md", "A", "2026-01-01", "");
        content.post("b.md", "B", "2026-01-02", "");
        new ContentImporter(db.dsl(), new ContentReader("1"), new MarkdownRenderer())
                .importFrom(dir);
        var before = rowVersions(db);

        var report =
                new ContentImporter(db.dsl(), new ContentReader("2"), new MarkdownRenderer())
                        .importFrom(dir);

        assertThat(report).isEqualTo(new ImportReport(0, 2, 0, 0));
        assertThat(rowVersions(db).get("a")).isNotEqualTo(before.get("a"));
        assertThat(rowVersions(db).get("b")).isNotEqualTo(before.get("b"));
    }

    @Test
    void aFileChangedAndChangedBackIsUpdatedBothTimes(TestDatabase db) {
        var content = aAndBImported(db, "tags: [one]\n");

        content.post("a.md", "A two", "2026-01-01", "tags: [two]\n");
        var there = importer(db).importFrom(dir);
        content.post("a.md", "A", "2026-01-01", "tags: [one]\n");
        var back = importer(db).importFrom(dir);

        assertThat(there).isEqualTo(new ImportReport(0, 1, 0, 1));
        assertThat(back).isEqualTo(new ImportReport(0, 1, 0, 1));
        var a = post(db, "a");
        assertThat(a.title()).isEqualTo("A");
        assertThat(a.html()).isEqualTo("<p>Body of <em>A</em>.</p>\n");
        assertThat(a.tags()).extracting(t -> t.slug()).containsExactly("one");
        assertThat(db.dsl().select(TAGS.SLUG).from(TAGS).fetch(TAGS.SLUG)).containsExactly("one");
    }

    @Test
    void anImportLargerThanOneStatementStoresEveryPostTagAndAlias(TestDatabase db) {
        db.migrate();
        var content = new ContentDir(dir);
        int count = PostWriter.CHUNK * 2 + 17;
        for (int i = 0; i < count; i++) {
            content.post(
                    String.format("p%03d.md", i),
                    "P" + i,
                    "2026-01-01",
                    "tags: [Tag " + (i % 7) + ", all]\naliases: [/old/" + i + ".html]\n");
        }

        var report = importer(db).importFrom(dir);

        assertThat(report).isEqualTo(new ImportReport(count, 0, 0, 0));
        assertThat(db.dsl().fetchCount(POSTS)).isEqualTo(count);
        assertThat(db.dsl().fetchCount(TAGS)).isEqualTo(8);
        assertThat(db.dsl().fetchCount(POST_TAGS)).isEqualTo(count * 2);
        assertThat(db.dsl().fetchCount(POST_ALIASES)).isEqualTo(count);
        var last = post(db, String.format("p%03d", count - 1));
        assertThat(last.aliases()).containsExactly("/old/" + (count - 1) + ".html");
        assertThat(last.tags())
                .extracting(t -> t.name())
                .containsExactlyInAnyOrder("Tag " + (count - 1) % 7, "all");
    }

    @Test
    void pendingMigrationsWithoutFlywayAgreeWithFlyway(TestDatabase db) throws Exception {
        try (var connection = db.database().dataSource().getConnection()) {
            var flyway = new Migrations(db.database().dataSource()).pending();

            assertThat(PackagedMigrations.find().pendingOn(connection))
                    .extracting(Migrations.Migration::version)
                    .isEqualTo(flyway.stream().map(Migrations.Migration::version).toList())
                    .startsWith("1", "2", "3");

            db.migrate();
            assertThat(PackagedMigrations.find().pendingOn(connection)).isEmpty();
        }
    }

    @Test
    void aStaleLookBeforeTheLockIsWorkedOutAgainUnderIt(TestDatabase db) {
        var content = imported(db, c -> c.post("a.md", "A", "2026-01-01", ""));
        var before = rowVersions(db);
        content.post("b.md", "B", "2026-01-02", "");
        var reader = new ContentReader();

        // As if "a" had not been stored yet when the caller looked: "a" is rendered ahead too.
        var report =
                new ContentImporter(db.dsl(), reader, new MarkdownRenderer())
                        .importChanged(reader.readFiles(dir), java.util.Set.of());

        assertThat(report).isEqualTo(new ImportReport(1, 0, 0, 1));
        assertThat(rowVersions(db).get("a")).isEqualTo(before.get("a"));
        assertThat(post(db, "b").html()).isEqualTo("<p>Body of <em>B</em>.</p>\n");
    }

    @Nested
    class OnOneConnection {
        @Test
        void aNoChangeRunWritesNothingAndNeverStartsTheImporter(TestDatabase db) {
            aAndBImported(db, "tags: [x]\naliases: [/a.html]\n");
            var before = rowVersions(db);

            try (var single = SingleConnectionDatabase.open(db.url())) {
                var report =
                        ImportRunner.start(new ContentReader(), dir)
                                .finish(
                                        single.connection(),
                                        () -> {
                                            throw new AssertionError("importer started");
                                        });

                assertThat(report).isEqualTo(new ImportReport(0, 0, 0, 2));
            }
            assertThat(rowVersions(db)).isEqualTo(before);
        }

        @Test
        void anyChangeGoesThroughTheImporterOnTheSameConnection(TestDatabase db) {
            var content = aAndBImported(db, "");

            content.delete("b.md");
            content.post("c.md", "C", "2026-01-03", "");
            var report = importOnOneConnection(db);

            assertThat(report).isEqualTo(new ImportReport(1, 0, 1, 1));
            assertThat(
                            db.dsl()
                                    .select(POSTS.SLUG)
                                    .from(POSTS)
                                    .orderBy(POSTS.SLUG)
                                    .fetch(POSTS.SLUG))
                    .containsExactly("a", "c");
        }

        @Test
        void aBadFileNextToUnchangedOnesLeavesTheDatabaseAsItWas(TestDatabase db) {
            var content = imported(db, c -> c.post("a.md", "A", "2026-01-01", ""));
            var before = rowVersions(db);

            content.post("new.md", "---\ntitle: X\ndate: 2026-01-01\nslug: a\n---\n");
            assertThatThrownBy(() -> importOnOneConnection(db))
                    .isInstanceOf(ContentException.class)
                    .hasMessageContaining("new.md: duplicate slug 'a'");
            assertThat(rowVersions(db)).isEqualTo(before);
        }

        ImportReport importOnOneConnection(TestDatabase db) {
            try (var single = SingleConnectionDatabase.open(db.url())) {
                var runner = ImportRunner.start(new ContentReader(), dir);
                return runner.finish(
                        single.connection(),
                        () ->
                                new ContentImporter(
                                        single.dsl(), runner.reader(), new MarkdownRenderer()));
            }
        }
    }

    static dev.homeweb.posts.Post post(TestDatabase db, String slug) {
        return new PostRepository(db.dsl())
                .allNonDraft().stream()
                        .filter(p -> p.slug().equals(slug))
                        .findFirst()
                        .orElseThrow();
    }
}
