package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent jar a release carries, and so the release id, is decided by {@code node-agent/} alone:
 * a copy of the repository with a deploy-tool class changed is built with Maven, and the agent jar
 * it puts beside the tool must be byte for byte the one this build made from the unchanged sources.
 * That also shows the jar is reproducible (two builds, same bytes). No node is needed.
 */
class AgentJarIT {
    private static final String TOOL_CLASS = "dev/homeweb/deploy/Main";

    @TempDir Path copy;

    static Path root() {
        return Path.of(System.getProperty("homeweb.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void aDeployToolChangeLeavesTheAgentJarAndTheReleaseIdAsTheyWere() throws Exception {
        var shipped = root().resolve("deploy-module/target/home-web-node.jar");
        assertThat(shipped).as("the agent jar this build put beside the tool").isRegularFile();
        copySources();
        changeToolClass(copy.resolve("deploy-module/src/main/java/" + TOOL_CLASS + ".java"));

        maven(
                "-f",
                copy.resolve("pom.xml").toString(),
                "-pl",
                "deploy-module",
                "-am",
                "package",
                "-DskipTests",
                "-Dspotless.check.skip=true");

        var classFile = "target/classes/" + TOOL_CLASS + ".class";
        assertThat(Files.readAllBytes(copy.resolve("deploy-module").resolve(classFile)))
                .as("the changed deploy-tool class was really compiled")
                .isNotEqualTo(
                        Files.readAllBytes(root().resolve("deploy-module").resolve(classFile)));
        var rebuilt = copy.resolve("deploy-module/target/home-web-node.jar");
        assertThat(releaseId("rebuilt", rebuilt))
                .as("release id with the agent jar of the changed copy")
                .isEqualTo(releaseId("shipped", shipped));
        assertThat(Files.mismatch(rebuilt, shipped)).as("first differing byte").isEqualTo(-1L);
    }

    @Test
    void theAgentJarHoldsNoDeployToolClass() throws IOException {
        try (var jar =
                new JarFile(root().resolve("deploy-module/target/home-web-node.jar").toFile())) {
            var names = jar.stream().map(e -> e.getName()).toList();

            assertThat(names)
                    .contains("dev/homeweb/node/secrets/SecretsAgent.class")
                    .noneMatch(n -> n.startsWith("dev/homeweb/deploy/"))
                    .allMatch(
                            n ->
                                    n.startsWith("dev/homeweb/node/")
                                            || n.startsWith("com/exceptionfactory/jagged/")
                                            || n.startsWith("META-INF/")
                                            || n.equals("dev/")
                                            || n.equals("dev/homeweb/")
                                            || n.equals("com/")
                                            || n.equals("com/exceptionfactory/"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.homeweb.node.secrets.SecretsAgent");
        }
    }

    /** The poms and sources Maven needs for the two modules; app/ only for its pom. */
    private void copySources() throws IOException {
        Files.copy(root().resolve("pom.xml"), copy.resolve("pom.xml"));
        Files.createDirectories(copy.resolve("app"));
        Files.copy(root().resolve("app/pom.xml"), copy.resolve("app/pom.xml"));
        for (var module : List.of("node-agent", "deploy-module")) {
            Files.createDirectories(copy.resolve(module));
            Files.copy(root().resolve(module + "/pom.xml"), copy.resolve(module + "/pom.xml"));
            var src = root().resolve(module + "/src/main");
            try (Stream<Path> files = Files.walk(src)) {
                for (var file : files.toList()) {
                    var target = copy.resolve(module + "/src/main").resolve(src.relativize(file));
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
    }

    /** Adds a string constant to the class, as an edit of a message would. */
    private static void changeToolClass(Path source) throws IOException {
        var text = Files.readString(source);
        var matcher = Pattern.compile("class Main[^{]*\\{\n").matcher(text);
        assertThat(matcher.find()).as("class declaration in " + source).isTrue();
        Files.writeString(
                source,
                text.substring(0, matcher.end())
                        + "    static final String CHANGED_BY_AGENT_JAR_IT = \"changed\";\n"
                        + text.substring(matcher.end()));
    }

    private void maven(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("mvn", "-B", "-q", "-o"));
        command.addAll(List.of(args));
        var log = copy.resolve("maven.log");
        var process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("timed out: " + command);
        }
        assertThat(process.exitValue()).as("%s\n%s", command, Files.readString(log)).isZero();
    }

    /** The id of a release that differs only in its agent jar. */
    private String releaseId(String name, Path agentJar) throws IOException {
        var dir = Files.createDirectories(copy.resolve("release-" + name));
        var jar = Files.writeString(dir.resolve("home-web.jar"), "server");
        Files.createDirectories(dir.resolve("content/posts"));
        Files.writeString(dir.resolve("content/posts/a.md"), "# A\n");
        return new ReleaseBuilder()
                .build(jar, dir.resolve("content"), Optional.empty(), Optional.empty(), agentJar)
                .id();
    }
}
