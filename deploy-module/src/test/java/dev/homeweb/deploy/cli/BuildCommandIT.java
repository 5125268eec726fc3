package dev.homeweb.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy build --output DIR}: the release a deploy would send, written here as the node
 * holds it (files with the time 0, its release.env), with no node contacted.
 */
class BuildCommandIT {
    static final Path ROOT =
            Path.of(System.getProperty("homeweb.root", "..")).toAbsolutePath().normalize();
    static final Path JAR =
            Path.of(System.getProperty("homeweb.jar", ROOT + "/app/target/home-web.jar"));

    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void config() throws Exception {
        // The node's own Java: no runtime to jlink, so the test stays quick (AotCacheIT has one).
        Files.writeString(
                dir.resolve("deploy.yaml"),
                """
                secrets:
                  database-url: {}
                nodes:
                  blog:
                    hostname: blog.invalid
                    service: {java_home: %s}
                  other:
                    hostname: other.invalid
                """
                        .formatted(System.getProperty("java.home")));
    }

    Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all =
                new java.util.ArrayList<>(
                        List.of(
                                "--config", dir.resolve("deploy.yaml").toString(),
                                "--jar", JAR.toString(),
                                "--content", ROOT.resolve("content").toString()));
        all.addAll(List.of(args));
        int code =
                DeployCommand.commandLine(
                                Map.of("HOME", dir.toString()),
                                Clock.systemUTC(),
                                new ByteArrayInputStream(new byte[0]),
                                new PrintWriter(out, true),
                                new PrintWriter(err, true))
                        .execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesTheNodesReleaseWithTheStoresFileTimesAndItsEnvironment() throws Exception {
        var output = dir.resolve("release");

        var run = run("build", "--output", output.toString(), "blog");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("of node blog in " + output);
        assertThat(output.resolve("home-web.jar")).hasSameBinaryContentAs(JAR);
        assertThat(Files.getLastModifiedTime(output.resolve("home-web.jar")))
                .isEqualTo(FileTime.fromMillis(0));
        assertThat(output.resolve("content/posts")).isDirectory();
        assertThat(output.resolve("runtime")).doesNotExist();
        assertThat(Files.readString(output.resolve("release.env")))
                .matches("HOME_WEB_RELEASE_ID=[0-9a-f]{16}\n");
    }

    @Test
    void refusesAFolderThatHoldsSomethingAndTouchesNothingInIt() throws Exception {
        var output = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(output.resolve("notes.txt"), "mine");

        var run = run("build", "--output", output.toString(), "blog");

        assertThat(run.code()).isEqualTo(ExitCode.FAILED_NO_CHANGE);
        assertThat(run.err()).contains("--output " + output + " is not empty");
        assertThat(Files.readString(output.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(output.resolve("home-web.jar")).doesNotExist();
    }

    @Test
    void asksForOneNodeWhenTheConfigHasSeveral() {
        var run = run("build", "--output", dir.resolve("release").toString());

        assertThat(run.code()).isEqualTo(ExitCode.FAILED_NO_CHANGE);
        assertThat(run.err()).contains("name one of: blog, other");
    }
}
