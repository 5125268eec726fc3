package dev.homeweb.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.homeweb.testing.ContentDir;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Posts written for Hugo, Jekyll and Zola, read as they are (the sites in test resources). */
class ForeignFrontMatterTest {
    final ContentReader reader = new ContentReader();

    static Path site(String name) {
        try {
            return Path.of(ForeignFrontMatterTest.class.getResource("/sites/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, SourcePost> read(Path contentDir) {
        return reader.read(contentDir).stream()
                .collect(Collectors.toMap(SourcePost::slug, Function.identity()));
    }

    @Test
    void hugoTomlAndYamlPostsMapOntoOurKeys() {
        var posts = read(site("hugo/content"));

        assertThat(posts).containsOnlyKeys("toml-post", "yaml-post", "not-yet");
        var toml = posts.get("toml-post").frontMatter();
        assertThat(toml.title()).isEqualTo("Written in TOML");
        assertThat(toml.date()).isEqualTo(Instant.parse("2024-01-15T17:00:00Z"));
        assertThat(toml.updated()).contains(Instant.parse("2024-01-20T08:00:00Z"));
        assertThat(toml.summary()).contains("A Hugo post with TOML front matter.");
        assertThat(toml.tags()).containsExactly("hugo", "Notes", "C++");
        assertThat(toml.aliases()).containsExactly("/old/toml-post");
        assertThat(toml.draft()).isFalse();
        assertThat(toml.ignoredKeys()).containsExactlyInAnyOrder("weight", "layout", "params");
        assertThat(posts.get("toml-post").body()).startsWith("Deploying with `systemctl restart`");

        var yaml = posts.get("yaml-post").frontMatter();
        assertThat(yaml.updated()).contains(Instant.parse("2024-01-11T00:00:00Z"));
        assertThat(yaml.summary()).contains("A Hugo post with YAML front matter.");
        assertThat(yaml.tags()).containsExactly("日本語", "C", "Notes");
        assertThat(yaml.aliases()).containsExactly("/2024/01/yaml-post");
        assertThat(yaml.ignoredKeys()).containsExactly("type");

        assertThat(posts.get("not-yet").frontMatter().draft()).isTrue();
    }

    @Test
    void jekyllPostsTakeDateAndSlugFromTheFileName() {
        var posts = read(site("jekyll"));

        assertThat(posts).containsOnlyKeys("from-jekyll", "second-post");
        var first = posts.get("from-jekyll").frontMatter();
        assertThat(first.date()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(first.summary()).contains("A Jekyll post, brought over unchanged.");
        assertThat(first.tags()).containsExactly("jekyll", "notes");
        assertThat(first.aliases()).containsExactly("/2024/02/01/from-jekyll.html");
        assertThat(first.ignoredKeys()).containsExactly("layout");

        var second = posts.get("second-post").frontMatter();
        assertThat(second.date()).isEqualTo(Instant.parse("2024-02-03T09:30:00Z"));
        assertThat(second.tags()).containsExactly("ruby");
        assertThat(second.aliases()).containsExactly("/blog/2024/second-old");
    }

    @Test
    void zolaTaxonomiesUpdatedAndDescription() {
        var post = read(site("zola/content")).get("from-zola").frontMatter();

        assertThat(post.date()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(post.updated()).contains(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(post.summary()).contains("A Zola post, brought over unchanged.");
        assertThat(post.tags()).containsExactly("zola", "rust", "Notes");
        assertThat(post.aliases()).containsExactly("/2024/from-zola");
        assertThat(post.ignoredKeys()).containsExactlyInAnyOrder("weight", "template", "extra");
    }

    @Nested
    class InOurOwnFolder {
        @TempDir Path dir;
        ContentDir content;

        @BeforeEach
        void setUp() {
            content = new ContentDir(dir);
        }

        @Test
        void aDatedFileNameOutsideJekyllsFolderIsTheSlugAsBefore() {
            content.post("2024-02-01-kept.md", "Kept", "2024-02-05", "");

            var post = reader.read(dir).get(0);

            assertThat(post.slug()).isEqualTo("2024-02-01-kept");
            assertThat(post.frontMatter().date()).isEqualTo(Instant.parse("2024-02-05T00:00:00Z"));
        }

        @Test
        void ourKeyWinsOverAnotherToolsKeyForTheSameValue() {
            content.post(
                    "a.md",
                    "A",
                    "2024-02-05",
                    "description: Theirs\nsummary: Ours\nlastmod: 2024-03-01\nupdated: 2024-03-02\n");

            var header = reader.read(dir).get(0).frontMatter();

            assertThat(header.summary()).contains("Ours");
            assertThat(header.updated()).contains(Instant.parse("2024-03-02T00:00:00Z"));
        }

        @Test
        void anAddressThatIsThePostsOwnIsNoAlias() {
            content.post("same.md", "Same", "2024-02-05", "url: /blog/same/\n");

            assertThat(reader.read(dir).get(0).frontMatter().aliases()).isEmpty();
        }

        @Test
        void jekyllPublishedFalseIsADraft() {
            content.post("a.md", "A", "2024-02-05", "published: false\n");

            assertThat(reader.read(dir).get(0).frontMatter().draft()).isTrue();
        }

        @Test
        void yamlOneOneBooleansAsOldSitesWriteThemAreAccepted() {
            content.post("a.md", "A", "2024-02-05", "published: False\n");
            content.post("b.md", "B", "2024-02-05", "draft: On\n");

            assertThat(reader.read(dir))
                    .allSatisfy(p -> assertThat(p.frontMatter().draft()).isTrue());
        }

        @Test
        void aTomlKeyThatIsNotKnownNamesItsLineAndTheClosestKey() {
            content.post(
                    "a.md",
                    "+++\ntitle = \"A\"\ndate = 2026-01-05\nlastmdo = 2026-01-06\n+++\nbody\n");

            assertOneErrorStartingWith(
                    4, "unknown front-matter key 'lastmdo'; did you mean 'lastmod'?");
        }

        @Test
        void aKeyInsideATomlTableNamesItsOwnLine() {
            content.post(
                    "a.md",
                    "+++\ntitle = \"A\"\ndate = 2026-01-05\n\n[taxonomies]\ntags = \"x\"\n"
                            + "categories = [\"a\", 3, {}]\n+++\nbody\n");

            assertOneError(7, "'categories' must be a list of words such as [java, deploy]");
        }

        @Test
        void invalidTomlNamesTheLine() {
            content.post("a.md", "+++\ntitle = \"A\"\ndate = 2026-01-05\ndraft = = true\n+++\n");

            assertOneErrorStartingWith(4, "front matter is not valid TOML: ");
        }

        @Test
        void unclosedTomlFrontMatterAsksForTheClosingLine() {
            content.post("a.md", "+++\ntitle = \"A\"\ndate = 2026-01-05\n---\nbody\n");

            assertOneError(1, "front matter is not closed: add a '+++' line after the last key");
        }

        @Test
        void aBadJekyllDateNamesItsLine() {
            content.post("a.md", "---\ntitle: A\ndate: 2024-02-03 25:30:00 +0100\n---\n");

            assertOneError(
                    3,
                    "bad date '2024-02-03 25:30:00 +0100' for 'date'; use YYYY-MM-DD or a date-time such as 2026-01-31T09:30:00Z");
        }

        @Test
        void aPermalinkPatternInAPostIsRefusedWithWhatToWrite() {
            content.post("a.md", "A", "2024-02-05", "permalink: /:year/:title/\n");

            assertOneError(
                    4,
                    "'/:year/:title/' is a permalink pattern, not an address; give the post's old address, such as /2024/02/01/my-post.html");
        }

        @Test
        void aKeyGivenTwiceInAnotherCaseNamesBothLines() {
            content.post("a.md", "A", "2024-02-05", "Title: Again\n");

            assertOneError(
                    4,
                    "front-matter key 'Title' is given twice (also on line 2; keys ignore case)");
        }

        private List<ContentError> errors() {
            return catchThrowableOfType(ContentException.class, () -> reader.read(dir)).errors();
        }

        private void assertOneError(int line, String message) {
            assertThat(errors())
                    .extracting(ContentError::line, ContentError::message)
                    .containsExactly(tuple(line, message));
        }

        private void assertOneErrorStartingWith(int line, String start) {
            assertThat(errors())
                    .singleElement()
                    .satisfies(
                            e -> {
                                assertThat(e.file().getFileName()).hasToString("a.md");
                                assertThat(e.line()).isEqualTo(line);
                                assertThat(e.message()).startsWith(start);
                            });
        }
    }
}
