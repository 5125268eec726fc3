package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.release.ReleaseBuilder;
import dev.homeweb.deploy.units.UnitFileRenderer;
import dev.homeweb.node.age.Age;
import dev.homeweb.node.age.AgeIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} against a fake node that is a local folder reached through the local shell. */
class PlannerTest {
    @TempDir Path dir;

    @Test
    void planForAFreshNodeListsUploadSecretUnitsAndMigrationsWithoutTheSecretValue()
            throws Exception {
        Files.createDirectories(dir.resolve("content/posts"));
        Files.writeString(dir.resolve("content/posts/hello.md"), "# Hello\n");
        var jar = Files.writeString(dir.resolve("home-web.jar"), "jar");
        Files.createDirectories(dir.resolve("secrets"));
        Files.write(
                dir.resolve("secrets/database-url.age"),
                Age.encrypt(
                        "postgresql://u:hunter2secret@db/blog\n".getBytes(StandardCharsets.UTF_8),
                        List.of(AgeIdentity.generate().recipient().orElseThrow()),
                        false));
        var root = dir.resolve("node");
        var config =
                DeployConfig.parse(
                        """
                        secrets: {database-url: {}}
                        nodes:
                          blog:
                            hostname: blog.example.org
                            root: %s
                            service: {java_home: /usr/lib/jvm/java-17-openjdk-amd64}
                        """
                                .formatted(root),
                        dir);
        var node = config.nodes().get("blog");
        var agent = Files.writeString(dir.resolve("node.jar"), "agent");
        var release =
                new ReleaseBuilder()
                        .build(
                                jar,
                                dir.resolve("content"),
                                Optional.empty(),
                                Optional.empty(),
                                agent);
        var planner =
                new Planner(
                        n -> new LocalShellHost(), new UnitFileRenderer(Duration.ofSeconds(120)));

        var plan = planner.plan(node, release, List.of("V1__create_posts.sql"));

        assertThat(plan)
                .startsWith(
                        """
                        node blog (local)
                          release:  (none) -> %s
                          upload:   3 file(s), 16 bytes
                          secrets:  1 to install; no release with a secrets agent on the node yet
                        """
                                .formatted(release.id()))
                .contains("      +Environment=HOME_WEB_PORT=8080\n")
                .contains("  unit:     " + root + "/bin/home-web-rollback changes:\n")
                .endsWith("  migrations new in this release: V1__create_posts.sql\n")
                .doesNotContain("hunter2secret");
        assertThat(root).doesNotExist();
    }
}
