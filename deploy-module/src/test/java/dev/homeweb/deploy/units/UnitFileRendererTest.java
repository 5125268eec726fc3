package dev.homeweb.deploy.units;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.Listener;
import dev.homeweb.deploy.config.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitFileRendererTest {
    /** The [Unit] section every home-web service unit starts with, and its [Service] type. */
    static String head(String description, String type) {
        return """
                [Unit]
                Description=%s
                After=network-online.target postgresql.service
                Wants=network-online.target

                [Service]
                Type=%s
                """
                .formatted(description, type);
    }

    static NodeConfig node(String yamlNode) {
        return node(yamlNode, "{database-url: {}}");
    }

    static NodeConfig node(String yamlNode, String secrets) {
        return DeployConfig.parse(
                        "secrets: " + secrets + "\nnodes:\n  blog:\n" + yamlNode.indent(4),
                        Path.of("/repo"))
                .nodes()
                .get("blog");
    }

    static List<UnitFile> render(NodeConfig node) {
        return new UnitFileRenderer(Duration.ofSeconds(120)).render(node);
    }

    static String text(List<UnitFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().text();
    }

    @Test
    void rendersTheSmallestConfigsServerUnitWithADynamicUser() {
        var files = render(node("hostname: blog.example.org\n"));

        assertThat(text(files, "home-web.service"))
                .isEqualTo(
                        """
                        [Unit]
                        Description=home-web blog server
                        After=network-online.target postgresql.service home-web-http.socket
                        Wants=network-online.target
                        Requires=home-web-http.socket

                        [Service]
                        Type=exec
                        EnvironmentFile=/var/lib/home-web/current/release.env
                        Environment=HOME_WEB_PORT=8080
                        Environment=HOME_WEB_BIND=127.0.0.1
                        LoadCredential=database-url:/etc/credstore/home-web/database-url
                        ExecStart=/var/lib/home-web/current/runtime/bin/java -XX:-UsePerfData $HOME_WEB_RELEASE_JAVA_OPTIONS -Xmx48m -Xmn12m -XX:+UseSerialGC -jar /var/lib/home-web/current/home-web.jar serve
                        WorkingDirectory=/var/lib/home-web/current
                        Restart=on-failure
                        RestartSec=2s
                        TimeoutStopSec=20s
                        StateDirectory=home-web-snapshot
                        StateDirectoryMode=0700
                        Environment=HOME_WEB_STATE_DIR=/var/lib/home-web-snapshot
                        DynamicUser=yes
                        """
                                + ServiceDirectives.HARDENING
                                + """

                                [Install]
                                WantedBy=multi-user.target
                                """);
    }

    @Test
    void rendersServiceOptionsAsEnvironmentWithSystemdQuoting() {
        var files =
                render(
                        node(
                                """
                                hostname: h
                                root: /srv/blog
                                service:
                                  port: 9000
                                  bind: 0.0.0.0
                                  user: homeweb
                                  base_url: https://blog.example.org
                                  site_title: 100% Home
                                  discuss_email: talk@example.org
                                  jvm_options: [-Xmx1g]
                                  java_home: /usr/lib/jvm/java-17-openjdk-amd64
                                """,
                                "{database-url: {}, api-token: {units: [home-web.service],"
                                        + " path: /etc/home-web/api-token}}"));

        var service = UnitSections.parse(text(files, "home-web.service")).section("Service");
        assertThat(service.get("EnvironmentFile")).containsExactly("/srv/blog/current/release.env");
        assertThat(service.get("Environment"))
                .startsWith(
                        "HOME_WEB_PORT=9000",
                        "HOME_WEB_BIND=0.0.0.0",
                        "HOME_WEB_BASE_URL=https://blog.example.org",
                        "\"HOME_WEB_SITE_TITLE=100%% Home\"",
                        "HOME_WEB_DISCUSS_EMAIL=talk@example.org");
        assertThat(service.get("LoadCredential"))
                .containsExactly(
                        "database-url:/etc/credstore/home-web/database-url",
                        "api-token:/etc/home-web/api-token");
        assertThat(service.get("ExecStart"))
                .containsExactly(
                        "/usr/lib/jvm/java-17-openjdk-amd64/bin/java -XX:-UsePerfData -Xmx1g"
                                + " -jar /srv/blog/current/home-web.jar serve");
        assertThat(service.get("User")).containsExactly("homeweb");
        assertThat(service.get("Group")).containsExactly("homeweb");
        assertThat(service).doesNotContainKey("DynamicUser");
    }

    @Test
    void rendersTheHttpSocketThatOutlivesTheServerAndPassesItByName() {
        var files = render(node("hostname: h\nservice: {port: 9000, bind: '::'}\n"));

        assertThat(text(files, "home-web-http.socket"))
                .isEqualTo(
                        """
                        [Unit]
                        Description=home-web http socket, held while the server restarts

                        [Socket]
                        ListenStream=[::]:9000
                        FileDescriptorName=http
                        Service=home-web.service
                        Backlog=4096
                        NoDelay=yes

                        [Install]
                        WantedBy=sockets.target
                        """);
        assertThat(files.stream().map(UnitFile::name))
                .containsSubsequence("home-web.service", "home-web-http.socket");
    }

    @Test
    void theSocketListensOnTheNumericAddressSystemdNeeds() {
        assertThat(new Listener("http", "127.0.0.1", 8080).listenStream())
                .isEqualTo("127.0.0.1:8080");
        assertThat(new Listener("http", "localhost", 8080).listenStream())
                .isEqualTo("127.0.0.1:8080");
        assertThat(new Listener("https", "::1", 443).listenStream()).isEqualTo("[::1]:443");
        assertThat(new Listener("https", "::1", 443).socketUnit())
                .isEqualTo("home-web-https.socket");
    }

    @Test
    void theServerRequiresEverySocketItsConfigListensOn() {
        var server = UnitSections.parse(text(render(node("hostname: h\n")), "home-web.service"));

        assertThat(server.value("Unit", "Requires")).isEqualTo("home-web-http.socket");
        assertThat(server.value("Unit", "After")).endsWith(" home-web-http.socket");
    }

    @Test
    void rendersTheMigrateTemplateForOneReleaseAndTheImportForTheCurrentOne() {
        var files = render(node("hostname: h\n"));

        assertThat(text(files, "home-web-migrate@.service"))
                .isEqualTo(
                        head("home-web database migrations of release %i", "oneshot")
                                + """
                        EnvironmentFile=/var/lib/home-web/releases/%i/release.env
                        LoadCredential=database-url:/etc/credstore/home-web/database-url
                        ExecStart=/var/lib/home-web/releases/%i/runtime/bin/java -XX:-UsePerfData $HOME_WEB_RELEASE_IMPORT_JAVA_OPTIONS -XX:TieredStopAtLevel=1 -Xmx48m -Xmn12m -XX:+UseSerialGC -jar /var/lib/home-web/releases/%i/home-web.jar migrate
                        WorkingDirectory=/var/lib/home-web/releases/%i
                        TimeoutStartSec=15min
                        DynamicUser=yes
                        """
                                + ServiceDirectives.HARDENING);
        assertThat(text(files, "home-web-import.service"))
                .isEqualTo(
                        head("home-web content import of the current release", "oneshot")
                                + """
                        EnvironmentFile=/var/lib/home-web/current/release.env
                        Environment=HOME_WEB_PORT=8080
                        Environment=HOME_WEB_BIND=127.0.0.1
                        LoadCredential=database-url:/etc/credstore/home-web/database-url
                        ExecStart=/var/lib/home-web/current/runtime/bin/java -XX:-UsePerfData $HOME_WEB_RELEASE_IMPORT_JAVA_OPTIONS -XX:TieredStopAtLevel=1 -Xmx48m -Xmn12m -XX:+UseSerialGC -jar /var/lib/home-web/current/home-web.jar import --content /var/lib/home-web/current/content
                        WorkingDirectory=/var/lib/home-web/current
                        TimeoutStartSec=5min
                        DynamicUser=yes
                        """
                                + ServiceDirectives.HARDENING);
    }

    @Test
    void rendersTheRollbackTimerWithTheConfirmTimeoutAndItsService() {
        var files = render(node("hostname: h\n"));

        assertThat(text(files, "home-web-rollback.timer"))
                .isEqualTo(
                        """
                        [Unit]
                        Description=home-web rollback unless the deployer confirms within 120s

                        [Timer]
                        OnActiveSec=120s
                        AccuracySec=1s
                        RemainAfterElapse=no
                        """);
        assertThat(text(files, "home-web-recover.service"))
                .isEqualTo(
                        """
                        [Unit]
                        Description=home-web rollback at boot of a deploy that was not confirmed
                        ConditionPathExists=/var/lib/home-web/state/pending
                        After=local-fs.target network-online.target postgresql.service
                        Wants=network-online.target
                        Before=home-web.service

                        [Service]
                        Type=oneshot
                        ExecStart=/var/lib/home-web/bin/home-web-rollback reboot

                        [Install]
                        WantedBy=multi-user.target
                        """);
        assertThat(text(files, "home-web-rollback.service"))
                .isEqualTo(
                        """
                        [Unit]
                        Description=home-web rollback of a deploy that was not confirmed in time

                        [Service]
                        Type=oneshot
                        ExecStart=/var/lib/home-web/bin/home-web-rollback unconfirmed
                        """);
    }

    @Test
    void rendersTheRollbackScriptThatSwitchesByRenamingOverCurrent() {
        var files = render(node("hostname: h\n"));
        var script =
                files.stream()
                        .filter(f -> f.name().equals("home-web-rollback"))
                        .findFirst()
                        .orElseThrow();

        assertThat(script.path()).isEqualTo("/var/lib/home-web/bin/home-web-rollback");
        assertThat(script.mode()).isEqualTo("0755");
        // What the script does is run by DeadDeployerTest on a local fake node; here, what it is
        // aimed at: this node's paths and units, and a switch by renaming over current.
        assertThat(script.text())
                .startsWith("#!/bin/sh\n")
                .contains("set -eu\n")
                .contains("root=/var/lib/home-web\n")
                .contains("pending=/var/lib/home-web/state/pending\n")
                .contains(
                        "    ln -sfn \"releases/$previous\" \"$root/current.rollback\"\n"
                                + "    mv -T \"$root/current.rollback\" \"$root/current\"\n")
                .contains("systemctl start home-web-import.service")
                .contains("systemctl restart home-web.service")
                .contains(">>\"$root/audit.log\"");
    }

    @Test
    void sandboxesEveryUnitThatRunsReleaseCodeButLetsTheJitWriteCode() {
        var files = render(node("hostname: h\n"));

        for (var unit :
                List.of(
                        "home-web.service",
                        "home-web-migrate@.service",
                        "home-web-import.service")) {
            var service = UnitSections.parse(text(files, unit));
            assertThat(service.value("Service", "NoNewPrivileges")).as(unit).isEqualTo("yes");
            assertThat(service.section("Service").get("CapabilityBoundingSet"))
                    .as(unit)
                    .containsExactly("");
            assertThat(service.value("Service", "ProtectSystem")).as(unit).isEqualTo("strict");
            assertThat(service.value("Service", "PrivateUsers")).as(unit).isEqualTo("yes");
            assertThat(service.value("Service", "UMask")).as(unit).isEqualTo("0077");
            assertThat(service.section("Service").get("SystemCallFilter"))
                    .as(unit)
                    .containsExactly("@system-service", "~@privileged");
            assertThat(service.value("Service", "MemoryDenyWriteExecute")).as(unit).isEqualTo("no");
        }
    }

    @Test
    void quotesOnlyWhatSystemdWouldSplitOrExpand() {
        assertThat(ServiceDirectives.quote("A=b")).isEqualTo("A=b");
        assertThat(ServiceDirectives.quote("A=b c")).isEqualTo("\"A=b c\"");
        assertThat(ServiceDirectives.quote("A=50%")).isEqualTo("A=50%%");
        assertThat(ServiceDirectives.quote("A=x\\y")).isEqualTo("A=x\\\\y");
    }

    @Test
    void aSecretIsLoadedOnlyByTheUnitsItNames() {
        var files =
                render(
                        node(
                                "hostname: h\n",
                                "{database-url: {}, api-token: {units: [home-web.service]}}"));

        assertThat(text(files, "home-web.service"))
                .contains("LoadCredential=api-token:/etc/credstore/home-web/api-token\n");
        assertThat(text(files, "home-web-migrate@.service"))
                .contains("LoadCredential=database-url:")
                .doesNotContain("api-token");
        assertThat(text(files, "home-web-import.service")).doesNotContain("api-token");
    }
}
