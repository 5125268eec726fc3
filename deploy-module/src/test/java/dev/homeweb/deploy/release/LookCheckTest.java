package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.deploy.config.UserError;
import dev.homeweb.deploy.e2e.FakeServerJar;
import java.nio.file.Path;
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
    void themeFolderBesideTheContentShipsInTheRelease() {
        assertThat(ReleaseBuilder.themeFolder(Path.of("/srv/blog/content")))
                .isEqualTo(Path.of("/srv/blog/theme"));
    }
}
