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

    /** A config with the one secret every node needs and one node, blog, with these fields. */
    private static DeployConfig parseBlog(String fields) {
        return parse("secrets: {database-url: {}}\nnodes:\n  blog: {" + fields + "}\n");
    }

    @Test
    void smallestConfigIsAHostnameAndADatabaseUrlFile() {
        var config =
                parse(
                        """
                        secrets: {database-url: {}}
                        nodes:
                          blog:
                            hostname: blog.example.org
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
                .containsExactly(
                        SecretFile.of("database-url", Path.of("/repo/secrets/database-url.age")));
        assertThat(config.settings()).isEqualTo(DeploySettings.DEFAULTS);
    }

    @Test
    void secretsNameTheirFileNodesUnitsAndHowTheyLand() {
        var config =
                parse(
                        """
                        secrets:
                          admins: [age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p]
                          database-url:
                          tls-key:
                            file: keys/tls.age
                            nodes: [b]
                            units: [nginx.service]
                            owner: www-data
                            group: www-data
                            mode: "0440"
                            path: /etc/nginx/tls.key
                        nodes:
                          a: {hostname: a}
                          b:
                            hostname: b
                            age_recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
                        """);

        assertThat(config.secrets().admins()).hasSize(1);
        assertThat(config.nodes().get("a").secrets())
                .containsExactly(
                        SecretFile.of("database-url", Path.of("/repo/secrets/database-url.age")));
        var tls = config.nodes().get("b").secrets().get(1);
        assertThat(tls)
                .isEqualTo(
                        new SecretFile(
                                "tls-key",
                                Path.of("/repo/keys/tls.age"),
                                List.of("b"),
                                List.of("nginx.service"),
                                "www-data",
                                "www-data",
                                "0440",
                                Optional.of("/etc/nginx/tls.key")));
        assertThat(config.nodes().get("b").ageRecipient()).isPresent();
        assertThat(config.nodes().get("a").ageRecipient()).isEmpty();
    }

    @Test
    void nodeKeysOverrideDefaults() {
        var config =
                parse(
                        """
                        defaults:
                          ssh_user: deploy
                          service:
                            port: 9000
                            site_title: Shared
                        secrets: {database-url: {}}
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
                        secrets: {database-url: {}}
                        nodes:
                          a: {hostname: a}
                        """);

        assertThat(config.settings())
                .isEqualTo(new DeploySettings(2, 3, Duration.ofSeconds(90), Duration.ofMinutes(5)));
    }

    @Test
    void rollingAndBackupSettingsAreReadAndDefaultToOneBatchAndThreeBackups() {
        var config =
                parse(
                        """
                        settings: {batch: 1, max_failures: 2, backups: 0}
                        secrets: {database-url: {}}
                        nodes:
                          a: {hostname: a}
                        """);

        assertThat(config.settings())
                .extracting(
                        DeploySettings::batch,
                        DeploySettings::maxFailures,
                        DeploySettings::keepBackups)
                .containsExactly(1, 2, 0);
        assertThat(DeploySettings.DEFAULTS)
                .extracting(
                        DeploySettings::batch,
                        DeploySettings::maxFailures,
                        DeploySettings::keepBackups)
                .containsExactly(0, 0, 3);
    }

    @Nested
    class Rejects {
        @Test
        void aBatchOfNoNodesNamingTheKey() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            """
                                            settings: {batch: 0}
                                            secrets: {database-url: {}}
                                            nodes:
                                              a: {hostname: a}
                                            """))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("'settings.batch' is 0, outside 1-1000");
        }

        @Test
        void anUnknownNodeKeyNamingItsPath() {
            assertThatThrownBy(() -> parseBlog("hostname: h, hostnme: typo"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("unknown key 'nodes.blog.hostnme'");
        }

        @Test
        void anUnknownServiceKey() {
            assertThatThrownBy(() -> parseBlog("hostname: h, service: {prot: 80}"))
                    .hasMessageStartingWith("unknown key 'nodes.blog.service.prot'");
        }

        @Test
        void anUnknownTopLevelKey() {
            assertThatThrownBy(() -> parse("nodez: {}\n"))
                    .hasMessageStartingWith("unknown key 'nodez'");
        }

        @Test
        void aMissingHostname() {
            assertThatThrownBy(() -> parseBlog("ssh_port: 22"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("'nodes.blog.hostname' is missing");
        }

        @Test
        void aNodeWithoutADatabaseUrlSecret() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            "secrets: {api-token: {}}\nnodes:\n  blog:\n    hostname: h\n"))
                    .hasMessageStartingWith(
                            "node 'blog' gets no secret named database-url; declare it under"
                                    + " 'secrets'");
        }

        @Test
        void aSecretForAnUnknownNode() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            """
                                            secrets:
                                              database-url: {nodes: [blgo]}
                                            nodes:
                                              blog: {hostname: h}
                                            """))
                    .hasMessage(
                            "'secrets.database-url.nodes' names node 'blgo', which is not under"
                                    + " 'nodes'; nodes: [blog]");
        }

        @Test
        void anUnquotedMode() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            """
                                            secrets:
                                              database-url: {mode: 0440}
                                            nodes:
                                              blog: {hostname: h}
                                            """))
                    .hasMessage(
                            "'secrets.database-url.mode' is 288; write it in quotes, like"
                                    + " \"0440\"");
        }

        @Test
        void aBadRecipient() {
            assertThatThrownBy(() -> parseBlog("hostname: h, age_recipient: age1nope"))
                    .hasMessageStartingWith(
                            "'nodes.blog.age_recipient' is 'age1nope', not an age recipient");
        }

        @Test
        void aNodeWithoutRecipientWhenOneIsNeeded() {
            var node = parseBlog("hostname: h").nodes().get("blog");
            assertThatThrownBy(node::requireRecipient)
                    .hasMessage("node 'blog' has no age_recipient; run ./deploy secrets init blog");
        }

        @Test
        void aPortOutOfRange() {
            assertThatThrownBy(() -> parseBlog("hostname: h, ssh_port: 70000"))
                    .hasMessage("'nodes.blog.ssh_port' is 70000, outside 1-65535");
        }

        @Test
        void aPortThatIsNotANumber() {
            assertThatThrownBy(() -> parseBlog("hostname: h, service: {port: http}"))
                    .hasMessage(
                            "'nodes.blog.service.port' is 'http', not a whole number between 1"
                                    + " and 65535");
        }

        @Test
        void aHostnameThatCouldBeReadAsAnSshOption() {
            assertThatThrownBy(() -> parseBlog("hostname: -oProxyCommand=x"))
                    .hasMessageContaining("nodes.blog.hostname '-oProxyCommand=x'");
        }

        @Test
        void aConfirmTimeoutShorterThanTheHealthTimeout() {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            """
                                            settings: {health_timeout: 60s, confirm_timeout: 30s}
                                            secrets: {database-url: {}}
                                            nodes:
                                              a: {hostname: a}
                                            """))
                    .hasMessageContaining("settings.confirm_timeout (30s) must be longer");
        }

        @Test
        void anUnknownNodeOnTheCommandLine() {
            var config = parse("secrets: {database-url: {}}\nnodes:\n  a: {hostname: a}\n");
            assertThatThrownBy(() -> config.select(List.of("b")))
                    .hasMessage("no node 'b' in the config; nodes: [a]");
        }

        @Test
        void jvmOptionsThatWouldNeedQuoting() {
            assertThatThrownBy(
                            () -> parseBlog("hostname: h, service: {jvm_options: [\"-Dx=a b\"]}"))
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
