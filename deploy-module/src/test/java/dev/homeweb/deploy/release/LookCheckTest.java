package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.deploy.config.UserError;
import dev.homeweb.deploy.e2e.FakeServerJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookCheckTest {
    @TempDir Path dir;

    @Test
    void runsTheServersOwnCheckOnTheContentFolder() {
        var command =
                new LookCheck(Path.of("/jdk/bin/java"))
                        .command(Path.of("app/home-web.jar"), Path.of("content"));

        assertThat(command)
                .containsExactly(
                        "/jdk/bin/java",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        "app/home-web.jar",
                        "check",
                        "--content",
                        "content");
    }

    @Test
    void failingCheckStopsWithTheServersFileAndLine() throws Exception {
        var jar = FakeServerJar.build(dir, "fail-check");

        assertThatThrownBy(() -> new LookCheck().run(jar, dir.resolve("content")))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("theme/footer.mustache:3: Improperly closed variable");
    }

    @Test
    void passingCheckSaysNothing() throws Exception {
        var jar = FakeServerJar.build(dir, "ok");

        assertThatCode(() -> new LookCheck().run(jar, dir.resolve("content")))
                .doesNotThrowAnyException();
    }

    @Test
    void theSameJarSiteAndThemePassWithoutARunAndAChangedThemeIsCheckedAgain() throws Exception {
        var jar = FakeServerJar.build(dir, "ok");
        var passed = dir.resolve("cache/look-passed");
        var theme = Files.createDirectories(dir.resolve("theme"));
        Files.writeString(theme.resolve("footer.mustache"), "<footer>{{title}}</footer>\n");
        new LookCheck(FileHashes.none(), passed).run(jar, dir.resolve("content"));
        var remembered = Files.readString(passed);

        // A jar that would fail is not run while what the check reads is unchanged...
        var failing = FakeServerJar.build(dir.resolve("other"), "fail-check");
        Files.copy(failing, jar, StandardCopyOption.REPLACE_EXISTING);
        var sameInputs = new LookCheck(FileHashes.none(), passed);

        assertThat(remembered).isNotBlank();
        // ...but the jar is one of those inputs: its new bytes make the check run, and fail.
        assertThatThrownBy(() -> sameInputs.run(jar, dir.resolve("content")))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("theme/footer.mustache:3");
        assertThat(Files.readString(passed)).isEqualTo(remembered);
    }

    @Test
    void aCheckThatPassedIsRememberedAndNotRunAgain() throws Exception {
        var jar = FakeServerJar.build(dir, "ok");
        var passed = dir.resolve("cache/look-passed");
        var java = Files.createDirectories(dir.resolve("bin")).resolve("java");
        Files.writeString(
                java,
                "#!/bin/sh\nexec "
                        + Path.of(System.getProperty("java.home"), "bin", "java")
                        + " \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        new LookCheck(java, FileHashes.none(), passed).run(jar, dir.resolve("content"));

        // The same path now fails whatever it is asked: a check that ran would say so.
        Files.writeString(java, "#!/bin/sh\necho broken java; exit 1\n");

        assertThatCode(
                        () ->
                                new LookCheck(java, FileHashes.none(), passed)
                                        .run(jar, dir.resolve("content")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new LookCheck(java).run(jar, dir.resolve("content")))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("broken java");
    }

    @Test
    void themeFolderBesideTheContentShipsInTheRelease() {
        assertThat(ReleaseBuilder.themeFolder(Path.of("/srv/blog/content")))
                .isEqualTo(Path.of("/srv/blog/theme"));
    }
}
