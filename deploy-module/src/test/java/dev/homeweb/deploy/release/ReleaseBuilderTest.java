package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseBuilderTest {
    @TempDir Path dir;
    Path jar;
    Path nodeJar;
    Path content;
    Path runtime;

    @BeforeEach
    void files() throws IOException {
        jar = Files.writeString(dir.resolve("home-web.jar"), "jar bytes");
        nodeJar = Files.writeString(dir.resolve("node.jar"), "agent");
        content = dir.resolve("content");
        Files.createDirectories(content.resolve("posts"));
        Files.writeString(content.resolve("posts/hello.md"), "# Hello\n");
        Files.writeString(content.resolve("posts/.hello.md.swp"), "editor junk");
        runtime = dir.resolve("runtime");
        Files.createDirectories(runtime.resolve("bin"));
        var java = Files.writeString(runtime.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(runtime.resolve("release"), "JAVA_VERSION=\"17\"\n");
    }

    /** The hashes are those of sha256sum over the same bytes. */
    @Test
    void manifestListsEveryFileWithHashSizeAndModeSortedByPath() {
        var release =
                new ReleaseBuilder()
                        .build(jar, content, Optional.of(runtime), Optional.empty(), nodeJar);

        assertThat(release.manifest())
                .isEqualTo(
                        """
                        90f8ec5669cd34183b9b0fdf8b94f5efb4c3672876330f4aa76088c2b4ad17be 8 644 content/posts/hello.md
                        fba6a4ac61e440c7309ae013e5c5c7ac0a9000c8a3bab7def760b499d587b1d0 9 644 home-web.jar
                        d4f0bc5a29de06b510f9aa428f1eedba926012b591fef7a518e776a7c9bd1824 5 644 lib/home-web-node.jar
                        a8076d3d28d21e02012b20eaf7dbf75409a6277134439025f282e368e3305abf 10 755 runtime/bin/java
                        2d3af492435c0a58a0ee52a2d50e913a90937dbd2d74e051639b641119d1202f 18 644 runtime/release
                        """);
    }

    @Test
    void anAotCacheShipsBesideTheJarAndIsNamedInReleaseEnvOnlyWithTheBundledRuntime()
            throws IOException {
        var cache =
                new AotCache.Trained(
                        Files.writeString(dir.resolve("trained.aot"), "cache"), Optional.empty());

        var bundled =
                new ReleaseBuilder()
                        .build(jar, content, Optional.of(runtime), Optional.of(cache), nodeJar);
        var own =
                new ReleaseBuilder()
                        .build(jar, content, Optional.empty(), Optional.of(cache), nodeJar);

        assertThat(bundled.manifest()).contains(" 5 644 home-web.aot\n");
        assertThat(bundled.environment("/var/lib/home-web/releases/" + bundled.id()))
                .isEqualTo(
                        "HOME_WEB_RELEASE_ID=%1$s\nHOME_WEB_RELEASE_JAVA_OPTIONS=-XX:AOTCache="
                                        .formatted(bundled.id())
                                + "/var/lib/home-web/releases/%s/home-web.aot\n"
                                        .formatted(bundled.id()));
        assertThat(own.manifest()).doesNotContain("home-web.aot");
        assertThat(own.environment("/x")).isEqualTo("HOME_WEB_RELEASE_ID=" + own.id() + "\n");
    }

    @Test
    void theOneShotUnitsCacheShipsBesideTheServersAndHasAVariableOfItsOwn() throws IOException {
        var cache =
                new AotCache.Trained(
                        Files.writeString(dir.resolve("trained.aot"), "cache"),
                        Optional.of(Files.writeString(dir.resolve("import.aot"), "imports")));

        var release =
                new ReleaseBuilder()
                        .build(jar, content, Optional.of(runtime), Optional.of(cache), nodeJar);

        assertThat(release.manifest())
                .contains(" 5 644 home-web.aot\n")
                .contains(" 7 644 home-web-import.aot\n");
        assertThat(release.environment("/r"))
                .isEqualTo(
                        "HOME_WEB_RELEASE_ID="
                                + release.id()
                                + "\nHOME_WEB_RELEASE_JAVA_OPTIONS=-XX:AOTCache=/r/home-web.aot\n"
                                + "HOME_WEB_RELEASE_IMPORT_JAVA_OPTIONS=-XX:AOTCache="
                                + "/r/home-web-import.aot\n");
    }

    @Test
    void themeFolderBesideTheContentShipsAsTheme() throws IOException {
        var theme = Files.createDirectories(dir.resolve("theme"));
        Files.writeString(theme.resolve("footer.mustache"), "</main>\n");

        var release =
                new ReleaseBuilder()
                        .build(jar, content, Optional.empty(), Optional.empty(), nodeJar);

        assertThat(release.files())
                .extracting(ReleaseFile::path)
                .contains("content/posts/hello.md", "theme/footer.mustache");
    }

    @Test
    void siteWideWellKnownFilesGoInAndOtherHiddenFilesStayOut() throws IOException {
        Files.createDirectories(content.resolve("static/.well-known"));
        Files.writeString(content.resolve("static/.well-known/security.txt"), "Contact: x\n");
        Files.writeString(content.resolve("static/.DS_Store"), "finder");

        var release =
                new ReleaseBuilder()
                        .build(jar, content, Optional.empty(), Optional.empty(), nodeJar);

        assertThat(release.files())
                .extracting(ReleaseFile::path)
                .contains("content/static/.well-known/security.txt")
                .doesNotContain("content/static/.DS_Store", "content/posts/.hello.md.swp");
    }

    @Test
    void sameFilesGiveTheSameReleaseId() {
        var a =
                new ReleaseBuilder()
                        .build(jar, content, Optional.of(runtime), Optional.empty(), nodeJar);
        var b =
                new ReleaseBuilder()
                        .build(jar, content, Optional.of(runtime), Optional.empty(), nodeJar);

        assertThat(a.id()).isEqualTo(b.id()).hasSize(16).matches("[0-9a-f]+");
    }

    @Test
    void aChangedPostGivesANewReleaseIdButTheSameRuntimeStoreNames() throws IOException {
        var before =
                new ReleaseBuilder()
                        .build(jar, content, Optional.of(runtime), Optional.empty(), nodeJar);
        Files.writeString(content.resolve("posts/hello.md"), "# Hello again\n");

        var after =
                new ReleaseBuilder()
                        .build(jar, content, Optional.of(runtime), Optional.empty(), nodeJar);

        assertThat(after.id()).isNotEqualTo(before.id());
        assertThat(after.files().get(3).storeName()).isEqualTo(before.files().get(3).storeName());
    }

    @Test
    void executableFilesGetTheirOwnStoreName() {
        var release =
                new ReleaseBuilder()
                        .build(jar, content, Optional.of(runtime), Optional.empty(), nodeJar);

        assertThat(release.files().get(3).storeName()).endsWith("-755");
        assertThat(release.files().get(1).storeName()).endsWith("-644");
    }

    @Test
    void aNodeWithItsOwnJavaGetsNoRuntime() {
        var release =
                new ReleaseBuilder()
                        .build(jar, content, Optional.empty(), Optional.empty(), nodeJar);

        assertThat(release.files())
                .extracting(ReleaseFile::path)
                .containsExactly("content/posts/hello.md", "home-web.jar", "lib/home-web-node.jar");
        assertThat(release.totalBytes()).isEqualTo(22);
    }

    @Test
    void aMissingJarIsNamed() {
        assertThatThrownBy(
                        () ->
                                new ReleaseBuilder()
                                        .build(
                                                dir.resolve("nope.jar"),
                                                content,
                                                Optional.empty(),
                                                Optional.empty(),
                                                nodeJar))
                .hasMessageContaining("nope.jar does not exist");
    }

    @Test
    void manifestsThatDifferOnlyUnderContentHaveTheSameCode() {
        var code = "aa 10 644 home-web.jar\nbb 5 755 runtime/bin/java\n";

        assertThat(
                        Release.sameCode(
                                code + "cc 3 644 content/posts/a.md\n",
                                code
                                        + "dd 4 644 content/posts/a.md\nee 1 644 content/posts/b.md\n"))
                .isTrue();
        assertThat(Release.sameCode(code, code.replace("aa 10", "ab 10"))).isFalse();
        assertThat(Release.sameCode(code, "")).as("a release without its manifest").isFalse();
    }
}
