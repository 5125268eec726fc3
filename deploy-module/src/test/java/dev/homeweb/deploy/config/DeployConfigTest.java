package dev.homeweb.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeployConfigTest {
    private static final Path BASE = Path.of("/repo");

    private static DeployConfig parse(String yaml) {
        return DeployConfig.parse(yaml, BASE);
    }

    @Test
    void smallestConfigIsAHostnameAndADatabaseUrlFile() {
        var config =
                parse(
                        """
                        nodes:
                          blog:
                            hostname: blog.example.org
                            database_url_file: secrets/db
                        """);

        var node = config.nodes().get("blog");
        assertThat(node.hostname()).isEqualTo("blog.example.org");
        assertThat(node.sshPort()).isEqualTo(22);
        assertThat(node.sshUser()).isEmpty();
        assertThat(node.root()).isEqualTo("/var/lib/home-web");
        assertThat(node.service().port()).isEqualTo(8080);
        assertThat(node.service().bind()).isEqualTo("127.0.0.1");
        assertThat(node.service().user()).isEmpty();
        assertThat(node.secrets())
                .containsExactly(new SecretFile("database-url", Path.of("/repo/secrets/db")));
        assertThat(config.settings()).isEqualTo(DeploySettings.DEFAULTS);
    }

    @Test
    void nodeKeysOverrideDefaults() {
        var config =
                parse(
                        """
                        defaults:
                          ssh_user: deploy
                          database_url_file: secrets/shared
                          service:
                            port: 9000
                            site_title: Shared
                        nodes:
                          a:
                            hostname: a.example.org
                          b:
                            hostname: b.example.org
                            ssh_user: root
                            service:
                              port: 9100
                        """);

        var a = config.nodes().get("a");
        var b = config.nodes().get("b");
        assertThat(a.sshUser()).contains("deploy");
        assertThat(a.needsSudo()).isTrue();
        assertThat(a.service().port()).isEqualTo(9000);
        assertThat(b.sshUser()).contains("root");
        assertThat(b.needsSudo()).isFalse();
        assertThat(b.service().port()).isEqualTo(9100);
        assertThat(b.service().siteTitle()).contains("Shared");
        assertThat(config.select(List.of())).extracting(NodeConfig::name).containsExactly("a", "b");
    }

    @Test
    void settingsAcceptDurationsWithUnits() {
        var config =
                parse(
                        """
                        settings:
                          parallel: 2
                          keep_releases: 3
                          health_timeout: 90s
                          confirm_timeout: 5m
                        nodes:
                          a: {hostname: a, database_url_file: db}
                        """);

        assertThat(config.settings())
                .isEqualTo(new DeploySettings(2, 3, Duration.ofSeconds(90), Duration.ofMinutes(5)));
    }

    @Nested
    class Rejects {
        @Test
        void anUnknownNodeKeyNamingItsPath() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            """
                                            nodes:
                                              blog:
                                                hostname: h
                                                database_url_file: db
                                                hostnme: typo
                                            """))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("unknown key 'nodes.blog.hostnme'");
        }

        @Test
        void anUnknownServiceKey() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            """
                                            nodes:
                                              blog:
                                                hostname: h
                                                database_url_file: db
                                                service: {prot: 80}
                                            """))
                    .hasMessageStartingWith("unknown key 'nodes.blog.service.prot'");
        }

        @Test
        void anUnknownTopLevelKey() {
            assertThatThrownBy(() -> parse("nodez: {}\n"))
                    .hasMessageStartingWith("unknown key 'nodez'");
        }

        @Test
        void aMissingHostname() {
            assertThatThrownBy(() -> parse("nodes:\n  blog:\n    database_url_file: db\n"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("'nodes.blog.hostname' is missing");
        }

        @Test
        void aMissingDatabaseUrlFile() {
            assertThatThrownBy(() -> parse("nodes:\n  blog:\n    hostname: h\n"))
                    .hasMessageStartingWith("'nodes.blog.database_url_file' is missing");
        }

        @Test
        void aPortOutOfRange() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            """
                                            nodes:
                                              blog: {hostname: h, database_url_file: db, ssh_port: 70000}
                                            """))
                    .hasMessage("'nodes.blog.ssh_port' is 70000, outside 1-65535");
        }

        @Test
        void aPortThatIsNotANumber() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            """
                                            nodes:
                                              blog:
                                                hostname: h
                                                database_url_file: db
                                                service: {port: http}
                                            """))
                    .hasMessage(
                            "'nodes.blog.service.port' is 'http', not a whole number between 1"
                                    + " and 65535");
        }

        @Test
        void aHostnameThatCouldBeReadAsAnSshOption() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            """
                                            nodes:
                                              blog: {hostname: -oProxyCommand=x, database_url_file: db}
                                            """))
                    .hasMessageContaining("nodes.blog.hostname '-oProxyCommand=x'");
        }

        @Test
        void aConfirmTimeoutShorterThanTheHealthTimeout() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            """
                                            settings: {health_timeout: 60s, confirm_timeout: 30s}
                                            nodes:
                                              a: {hostname: a, database_url_file: db}
                                            """))
                    .hasMessageContaining("settings.confirm_timeout (30s) must be longer");
        }

        @Test
        void anUnknownNodeOnTheCommandLine() {
            var config = parse("nodes:\n  a: {hostname: a, database_url_file: db}\n");
            assertThatThrownBy(() -> config.select(List.of("b")))
                    .hasMessage("no node 'b' in the config; nodes: [a]");
        }

        @Test
        void jvmOptionsThatWouldNeedQuoting() {
            assertThatThrownBy(
                            () ->
                                    new ServiceOptions(
                                            8080,
                                            "127.0.0.1",
                                            Optional.empty(),
                                            Optional.empty(),
                                            Optional.empty(),
                                            Optional.empty(),
                                            Optional.empty(),
                                            List.of("-Dx=a b"),
                                            Optional.empty()))
                    .hasMessageContaining("jvm_options entry '-Dx=a b'");
        }
    }

    @Test
    void theShippedExampleConfigIsValid() {
        var root = Path.of(System.getProperty("homeweb.root", ".."));
        var config = DeployConfig.load(root.resolve("deploy.yaml"));
        assertThat(config.nodes()).containsKey("example");
    }
}
