package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.homeweb.testing.ContentDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentReaderTest {
    @TempDir Path dir;
    ContentDir content;
    final ContentReader reader = new ContentReader();

    @BeforeEach
    void setUp() {
        content = new ContentDir(dir);
    }

    @Test
    void readsEveryFrontMatterKey() {
        content.post(
                "first-post.md",
                """
                ---
                title: "First: a post"
                date: 2026-01-05
                tags: [Java, deploy]
                summary: A summary.
                updated: 2026-02-01T10:30:00+01:00
                draft: false
                ---
                Hello.
                """);

        var posts = reader.read(dir);

        assertThat(posts).hasSize(1);
        var post = posts.get(0);
        assertThat(post.slug()).isEqualTo("first-post");
        assertThat(post.body()).isEqualTo("Hello.\n");
        var header = post.frontMatter();
        assertThat(header.title()).isEqualTo("First: a post");
        assertThat(header.date()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(header.tags()).containsExactly("Java", "deploy");
        assertThat(header.summary()).contains("A summary.");
        assertThat(header.updated()).contains(Instant.parse("2026-02-01T09:30:00Z"));
        assertThat(header.draft()).isFalse();
    }

    @Test
    void slugFromFrontMatterWinsOverTheFileName() {
        content.post("2026-01-05-notes.md", "Notes", "2026-01-05", "slug: notes\n");

        assertThat(reader.read(dir)).extracting(SourcePost::slug).containsExactly("notes");
    }

    @Test
    void hashChangesWhenTheFileChanges() {
        content.post("a.md", "A", "2026-01-05", "");
        var before = reader.read(dir).get(0).contentHash();
        content.post("a.md", "A", "2026-01-06", "");

        assertThat(reader.read(dir).get(0).contentHash()).isNotEqualTo(before);
    }

    @Nested
    class ReportsTheFileTheLineAndWhatIsWrong {
        @Test
        void missingFrontMatter() {
            var file = content.post("a.md", "# Just markdown\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    file,
                                    1,
                                    "missing front matter: the file must start with a '---' line (YAML) or a '+++'"
                                            + " line (TOML), then title and date, then the same line again"));
        }

        @Test
        void unclosedFrontMatter() {
            var file = content.post("a.md", "---\ntitle: A\ndate: 2026-01-05\n# body\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    file,
                                    1,
                                    "front matter is not closed: add a '---' line after the last key"));
        }

        @Test
        void malformedYaml() {
            var file =
                    content.post(
                            "a.md", "---\ntitle: A\ndate: 2026-01-05\ntags: [a, b\n---\nbody\n");

            var errors = errors();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).file()).isEqualTo(file);
            assertThat(errors.get(0).line()).isBetween(4, 5);
            assertThat(errors.get(0).message()).startsWith("front matter is not valid YAML");
        }

        @Test
        void unknownKeySuggestsTheClosestOneAndListsOurs() {
            var file =
                    content.post(
                            "a.md", "---\ntitle: A\ndate: 2026-01-05\ntittle: typo\n---\nbody\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    file,
                                    4,
                                    "unknown front-matter key 'tittle'; did you mean 'title'? Keys read: "
                                            + String.join(", ", FrontMatter.KEYS)
                                            + ", and the Hugo, Jekyll and Zola keys in the README's table"));
        }

        @Test
        void unknownKeyFarFromEveryKnownOneGetsNoGuess() {
            var file =
                    content.post(
                            "a.md", "---\ntitle: A\ndate: 2026-01-05\nmood: sunny\n---\nbody\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    file,
                                    4,
                                    "unknown front-matter key 'mood'; keys read: "
                                            + String.join(", ", FrontMatter.KEYS)
                                            + ", and the Hugo, Jekyll and Zola keys in the README's table"));
        }

        @Test
        void missingTitle() {
            var file = content.post("a.md", "---\ndate: 2026-01-05\n---\nbody\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(file, 2, "missing required front-matter key 'title'"));
        }

        @Test
        void badDate() {
            var file = content.post("a.md", "---\ntitle: A\ndate: 05/01/2026\n---\nbody\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    file,
                                    3,
                                    "bad date '05/01/2026' for 'date'; use YYYY-MM-DD or a date-time such as 2026-01-31T09:30:00Z"));
        }

        @Test
        void duplicateSlugNamesBothFiles() {
            var first = content.post("a.md", "A", "2026-01-05", "slug: same\n");
            var second = content.post("b.md", "B", "2026-01-05", "slug: same\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    second,
                                    0,
                                    "duplicate slug 'same': "
                                            + first
                                            + " has it too; give one of them another slug"));
        }

        @Test
        void invalidSlugFromTheFileName() {
            var file = content.post("My Post.md", "A", "2026-01-05", "");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    file,
                                    0,
                                    "invalid slug 'My Post' (from the file name); use lowercase letters, digits and single hyphens, such as my-first-post"));
        }

        @Test
        void invalidSlugFromFrontMatter() {
            content.post("a.md", "A", "2026-01-05", "slug: ../etc\n");

            assertThat(errors())
                    .singleElement()
                    .extracting(ContentError::message)
                    .asString()
                    .startsWith("invalid slug '../etc' (from 'slug:')");
        }

        @Test
        void aliasClaimedByTwoPostsNamesBoth() {
            var first = content.post("a.md", "A", "2026-01-05", "aliases: [/old.html]\n");
            var second = content.post("b.md", "B", "2026-01-05", "aliases: [/old.html]\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    second,
                                    0,
                                    "alias '/old.html' is already the address or an alias of "
                                            + first));
        }

        @Test
        void aliasThatIsAnotherPostsAddress() {
            var first = content.post("a.md", "A", "2026-01-05", "");
            var second = content.post("b.md", "B", "2026-01-05", "aliases: [/blog/a]\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    second,
                                    0,
                                    "alias '/blog/a' is already the address or an alias of "
                                            + first));
        }

        @Test
        void aliasThatIsNotAPath() {
            var file = content.post("a.md", "A", "2026-01-05", "aliases: [old.html]\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    file,
                                    4,
                                    "alias 'old.html' is not a path on this site; use a path such as /2019/01/old-title.html"));
        }

        @Test
        void textThatIsNotUtf8() throws Exception {
            var file = dir.resolve("posts/latin1.md");
            Files.write(
                    file,
                    "---\ntitle: Caf\u00e9\ndate: 2026-01-05\n---\n"
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

            assertThat(errors())
                    .containsExactly(
                            new ContentError(
                                    file, 2, "not valid UTF-8 text; save the file as UTF-8"));
        }

        @Test
        void draftThatIsNotABoolean() {
            var file = content.post("a.md", "A", "2026-01-05", "draft: maybe\n");

            assertThat(errors())
                    .containsExactly(
                            new ContentError(file, 4, "'draft' is 'maybe'; use true or false"));
        }

        @Test
        void everyBadFileInOneRun() {
            content.post("good.md", "Good", "2026-01-05", "");
            content.post("bad1.md", "---\ntitle: A\n---\n");
            content.post("bad2.md", "no front matter");

            assertThat(errors())
                    .extracting(e -> e.file().getFileName().toString())
                    .containsExactly("bad1.md", "bad2.md");
        }

        @Test
        void missingPostsFolder(@TempDir Path empty) {
            var e =
                    catchThrowableOfType(
                            ContentException.class, () -> reader.read(empty.resolve("nothing")));

            assertThat(e.getMessage()).contains("no such folder");
        }

        private List<ContentError> errors() {
            var e = catchThrowableOfType(ContentException.class, () -> reader.read(dir));
            assertThat(e).as("expected the content to be rejected").isNotNull();
            return e.errors();
        }
    }
}
