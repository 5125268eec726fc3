package dev.homeweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} and {@code import} refuse a theme whose template asks for an unknown name. */
class CheckCommandTest {
    @TempDir Path dir;

    Path contentWithFooter(String footer) throws IOException {
        var content = Files.createDirectories(dir.resolve("content"));
        var theme = Files.createDirectories(dir.resolve("theme"));
        Files.writeString(theme.resolve("footer.mustache"), footer);
        return content;
    }

    @Test
    void checkNamesTheFileLineUnknownNameAndClosestKnownOne() throws IOException {
        var content = contentWithFooter("</main>\n<p>{{site.autor}}</p>\n</body>\n</html>\n");

        var run = CliRun.of("check", "--content", content.toString());

        assertThat(run.exitCode()).isEqualTo(HomeWebCommand.EXIT_CONFIG);
        assertThat(run.err())
                .contains(dir.resolve("theme/footer.mustache") + ":2: unknown name 'site.autor'")
                .contains("did you mean site.author?");
    }

    @Test
    void importRefusesTheSameThemeBeforeTouchingAnyDatabase() throws IOException {
        var content = contentWithFooter("</main>\n<p>{{site.autor}}</p>\n</body>\n</html>\n");

        var run = CliRun.of("import", "--content", content.toString());

        assertThat(run.exitCode()).isEqualTo(HomeWebCommand.EXIT_CONFIG);
        assertThat(run.err()).contains("footer.mustache:2: unknown name 'site.autor'");
    }

    @Test
    void checkPassesAThemeThatUsesOnlyGivenNames() throws IOException {
        var content = contentWithFooter("</main>\n<p>{{site.author}}</p>\n</body>\n</html>\n");

        var run = CliRun.of("check", "--content", content.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("are fine");
    }
}
