package dev.homeweb.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.internal.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedFilesTest {
    @TempDir Path state;

    static final byte[] PNG = "not really a png".getBytes(StandardCharsets.UTF_8);
    static final byte[] TXT = "Contact: mailto:me@example.org\n".getBytes(StandardCharsets.UTF_8);

    static StoredFile file(String path, byte[] bytes, boolean immutable) {
        return new StoredFile(
                path,
                Sha256.hex(bytes),
                "image/png",
                bytes.length,
                Instant.parse("2026-12-01T10:00:00Z"),
                immutable);
    }

    static final StoredFile IMAGE = file("/files/0123456789abcdef/wide%20%C3%A9.png", PNG, true);
    static final StoredFile SECURITY = file("/.well-known/security.txt", TXT, false);

    private static SavedFiles.Source from(Map<StoredFile, byte[]> bytes) {
        return (file, out) -> out.write(bytes.get(file));
    }

    @Test
    void keepsWhatALoadReadAndGivesItBackByteForByte() throws Exception {
        var saved = new SavedFiles(state);
        saved.save(
                Map.of(IMAGE.path(), IMAGE, SECURITY.path(), SECURITY),
                from(Map.of(IMAGE, PNG, SECURITY, TXT)));

        var again = new SavedFiles(state).read();

        assertThat(again)
                .containsOnly(Map.entry(IMAGE.path(), IMAGE), Map.entry(SECURITY.path(), SECURITY));
        var out = new ByteArrayOutputStream();
        saved.copy(again.get(IMAGE.path()), out);
        assertThat(out.toByteArray()).isEqualTo(PNG);
    }

    @Test
    void neverKeepsBytesThatAreNotWhatTheirHashSays() {
        var saved = new SavedFiles(state);

        saved.save(Map.of(IMAGE.path(), IMAGE), from(Map.of(IMAGE, TXT)));

        assertThat(Files.exists(state.resolve("files").resolve(IMAGE.hash()))).isFalse();
        assertThat(new SavedFiles(state).read()).isEmpty();
    }

    @Test
    void leavesOutAFileWhoseBytesAreCutWritesThemAgainAndRemovesWhatNoLoadNamesAnyMore()
            throws Exception {
        var saved = new SavedFiles(state);
        saved.save(
                Map.of(IMAGE.path(), IMAGE, SECURITY.path(), SECURITY),
                from(Map.of(IMAGE, PNG, SECURITY, TXT)));
        Files.write(state.resolve("files").resolve(IMAGE.hash()), new byte[] {1});

        assertThat(new SavedFiles(state).read()).containsOnlyKeys(SECURITY.path());

        saved.save(Map.of(IMAGE.path(), IMAGE), from(Map.of(IMAGE, PNG)));

        assertThat(new SavedFiles(state).read()).containsOnlyKeys(IMAGE.path());
        assertThat(Files.readAllBytes(state.resolve("files").resolve(IMAGE.hash()))).isEqualTo(PNG);
        assertThat(Files.exists(state.resolve("files").resolve(SECURITY.hash()))).isFalse();
    }

    @Test
    void ignoresAnIndexOfAnotherKind() throws Exception {
        Files.createDirectories(state.resolve("files"));
        Files.writeString(state.resolve("files/index"), "something else\n");

        assertThat(new SavedFiles(state).read()).isEmpty();
    }
}
