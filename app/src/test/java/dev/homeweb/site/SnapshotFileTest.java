package dev.homeweb.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.posts.Post;
import dev.homeweb.posts.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {
    static final Instant SAVED = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir Path dir;

    static List<Post> posts() {
        return List.of(
                new Post(
                        "gruesse",
                        "Grüße aus Köln “quoted” <b>",
                        Optional.of("A summary with \"quotes\" and \\ and \u2028"),
                        Instant.parse("2026-01-02T08:30:00Z"),
                        Optional.of(Instant.parse("2026-01-03T09:00:00.123Z")),
                        List.of(new Tag("java", "Java"), new Tag("ops", "Ops & more")),
                        "<p>Body with <code>&lt;html&gt;</code> and emoji \uD83D\uDE00</p>\n",
                        7,
                        List.of("/2026/01/gruesse.html", "/old/gruesse")),
                new Post(
                        "plain",
                        "Plain",
                        Optional.empty(),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Optional.empty(),
                        List.of(),
                        "<p>x</p>",
                        1,
                        List.of()));
    }

    @Test
    void keepsEveryFieldOfEveryPost() {
        var file = new SnapshotFile(dir);
        file.save(posts(), SAVED);

        var read = new SnapshotFile(dir).read();

        assertThat(read).isEqualTo(new SnapshotFile.Found(posts(), SAVED));
    }

    @Test
    void postsOfOneTagShareOneTagOnceRead() {
        var tagged =
                List.of(
                        new Post(
                                "a",
                                "A",
                                Optional.empty(),
                                SAVED,
                                Optional.empty(),
                                List.of(new Tag("java", "Java")),
                                "<p>a</p>",
                                1,
                                List.of()),
                        new Post(
                                "b",
                                "B",
                                Optional.empty(),
                                SAVED,
                                Optional.empty(),
                                List.of(new Tag("java", "Java")),
                                "<p>b</p>",
                                1,
                                List.of()));
        new SnapshotFile(dir).save(tagged, SAVED);

        var read = (SnapshotFile.Found) new SnapshotFile(dir).read();

        assertThat(read.posts().get(0).tags().get(0)).isSameAs(read.posts().get(1).tags().get(0));
    }

    @Test
    void keepsAnEmptySiteToo() {
        new SnapshotFile(dir).save(List.of(), SAVED);

        assertThat(new SnapshotFile(dir).read())
                .isEqualTo(new SnapshotFile.Found(List.of(), SAVED));
    }

    @Test
    void isMissingBeforeTheFirstSave() {
        assertThat(new SnapshotFile(dir).read()).isEqualTo(new SnapshotFile.Missing());
        assertThat(new SnapshotFile(dir).usable()).isEmpty();
    }

    @Test
    void refusesAFileWhoseContentNoLongerMatchesItsChecksum() throws IOException {
        var file = new SnapshotFile(dir);
        file.save(posts(), SAVED);
        var bytes = Files.readAllBytes(file.path());
        var text = new String(bytes, StandardCharsets.UTF_8).replace("Plain", "Plaim");
        Files.writeString(file.path(), text);

        var read = new SnapshotFile(dir).read();

        assertThat(read).isInstanceOf(SnapshotFile.Unusable.class);
        assertThat(((SnapshotFile.Unusable) read).reason())
                .startsWith("is damaged: its content has SHA-256 ")
                .contains(", its header says ");
        assertThat(new SnapshotFile(dir).usable()).isEmpty();
    }

    @Test
    void refusesAnotherFormatVersionNamingBoth() throws IOException {
        var file = new SnapshotFile(dir);
        file.save(posts(), SAVED);
        var text = Files.readString(file.path()).replaceFirst("\nversion 2\n", "\nversion 1\n");
        Files.writeString(file.path(), text);

        assertThat(new SnapshotFile(dir).read())
                .isEqualTo(
                        new SnapshotFile.Unusable(
                                "has format version 1, this server reads version 2"));
    }

    @Test
    void refusesAFileThatIsNoSnapshot() throws IOException {
        Files.writeString(dir.resolve(SnapshotFile.NAME), "{\"posts\":[]}");

        assertThat(new SnapshotFile(dir).read())
                .isEqualTo(
                        new SnapshotFile.Unusable("is not a home-web site snapshot (no header)"));
    }

    @Test
    void writesTheFileForItsOwnerOnlyAndLeavesNoTemporaryFileBehind() throws IOException {
        var file = new SnapshotFile(dir.resolve("state"));

        file.save(posts(), SAVED);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
                .isEqualTo("rw-------");
        try (var names = Files.list(file.path().getParent())) {
            assertThat(names.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("site-snapshot", "bodies");
        }
        try (var bodies = Files.list(dir.resolve("state").resolve("bodies"))) {
            assertThat(bodies.toList())
                    .hasSize(2)
                    .allSatisfy(
                            body ->
                                    assertThat(
                                                    PosixFilePermissions.toString(
                                                            Files.getPosixFilePermissions(body)))
                                            .isEqualTo("rw-------"));
        }
    }

    @Test
    void keepsTheBodiesBesideTheFileAndReadsThemOnlyWhenAPageAsks() throws IOException {
        new SnapshotFile(dir).save(posts(), SAVED);

        var found = (SnapshotFile.Found) new SnapshotFile(dir).read();

        assertThat(found.posts().get(0).html()).isEqualTo(posts().get(0).html());
        assertThat(Files.readString(file(found.posts().get(0)))).isEqualTo(posts().get(0).html());
        // Damaged after it was read: the page that asks is refused it, nothing else is served.
        Files.writeString(file(found.posts().get(0)), "<p>other</p>");
        assertThatThrownBy(() -> found.posts().get(0).html())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is damaged");
    }

    @Test
    void refusesAFileWhosePostBodyIsGoneNamingThePost() throws IOException {
        new SnapshotFile(dir).save(posts(), SAVED);
        Files.delete(file(posts().get(1)));

        assertThat(new SnapshotFile(dir).read())
                .isEqualTo(
                        new SnapshotFile.Unusable(
                                "names a body for post "
                                        + posts().get(1).slug()
                                        + " that is not saved ("
                                        + posts().get(1).body().sha256()
                                        + ")"));
    }

    private Path file(Post post) {
        return dir.resolve("bodies").resolve(post.body().sha256());
    }

    @Test
    void leavesTheFileAloneWhenThePostsAreUnchangedAndReplacesItWhenTheyChange()
            throws IOException {
        var file = new SnapshotFile(dir);
        file.save(posts(), SAVED);
        var first = Files.getAttribute(file.path(), "unix:ino");

        file.save(posts(), SAVED.plusSeconds(60));
        var unchanged = Files.getAttribute(file.path(), "unix:ino");
        file.save(posts().subList(1, 2), SAVED.plusSeconds(120));

        assertThat(unchanged).isEqualTo(first);
        assertThat(Files.getAttribute(file.path(), "unix:ino")).isNotEqualTo(first);
        assertThat(new SnapshotFile(dir).read())
                .isEqualTo(new SnapshotFile.Found(posts().subList(1, 2), SAVED.plusSeconds(120)));
    }
}
