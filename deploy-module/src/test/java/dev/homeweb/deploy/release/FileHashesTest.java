package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashesTest {
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir Path dir;

    Path file(String name, String text, Instant modified) throws IOException {
        var file = Files.writeString(dir.resolve(name), text);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    /**
     * A file whose bytes changed behind the index's back, keeping size and time: only the index can
     * tell.
     */
    static void overwriteKeepingSizeAndTime(Path file, String text) throws IOException {
        var time = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, time);
    }

    @Test
    void anUnchangedFileIsNotReadAgainInTheNextDeploy() throws IOException {
        var index = dir.resolve("cache/hashes.tsv");
        var post = file("post.md", "# One\n", NOW.minusSeconds(60));
        var first = FileHashes.in(index, CLOCK);
        var sum = first.sum(post);
        first.save();
        var expected = Hashes.sha256(post);

        overwriteKeepingSizeAndTime(post, "# Two\n");
        var next = FileHashes.in(index, CLOCK).sum(post);

        assertThat(sum).isEqualTo(expected);
        // The remembered hash answered: the file's new bytes were not read.
        assertThat(next).isEqualTo(sum);
    }

    @Test
    void aFileWhoseSizeOrTimeChangedIsReadAgain() throws IOException {
        var index = dir.resolve("hashes.tsv");
        var post = file("post.md", "# One\n", NOW.minusSeconds(60));
        var hashes = FileHashes.in(index, CLOCK);
        hashes.sum(post);
        hashes.save();

        Files.writeString(post, "# Two\n");
        Files.setLastModifiedTime(post, FileTime.from(NOW.minusSeconds(30)));
        var afterEdit = FileHashes.in(index, CLOCK).sum(post);
        Files.writeString(post, "# Three\n");
        Files.setLastModifiedTime(post, FileTime.from(NOW.minusSeconds(30)));
        var afterGrowing = FileHashes.in(index, CLOCK).sum(post);

        assertThat(afterEdit.sha256()).isEqualTo(Hashes.sha256("# Two\n"));
        assertThat(afterGrowing.size()).isEqualTo(8);
        assertThat(afterGrowing).isEqualTo(Hashes.sha256(post));
    }

    @Test
    void aFileJustWrittenIsNotRememberedBecauseAnotherWriteCouldKeepItsTime() throws IOException {
        var index = dir.resolve("hashes.tsv");
        var post = file("post.md", "# One\n", NOW.minusMillis(500));
        var hashes = FileHashes.in(index, CLOCK);
        hashes.sum(post);
        hashes.save();

        overwriteKeepingSizeAndTime(post, "# Two\n");

        assertThat(FileHashes.in(index, CLOCK).sum(post)).isEqualTo(Hashes.sha256(post));
    }

    @Test
    void aDamagedIndexCostsOnlyAFullRead() throws IOException {
        var index = Files.writeString(dir.resolve("hashes.tsv"), "12\tnot a number\tx\ty\tz\n");
        var post = file("post.md", "# One\n", NOW.minusSeconds(60));

        assertThat(FileHashes.in(index, CLOCK).sum(post)).isEqualTo(Hashes.sha256(post));
    }

    @Test
    void withoutAnIndexEveryFileIsRead() throws IOException {
        var post = file("post.md", "# One\n", NOW.minusSeconds(60));
        var hashes = FileHashes.none();
        hashes.sum(post);

        overwriteKeepingSizeAndTime(post, "# Two\n");

        assertThat(hashes.sum(post)).isEqualTo(Hashes.sha256(post));
    }
}
