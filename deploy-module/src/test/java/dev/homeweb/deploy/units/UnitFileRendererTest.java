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
    static final String HARDENING =
            """
            UMask=0077
            NoNewPrivileges=yes
            CapabilityBoundingSet=
            AmbientCapabilities=
            ProtectSystem=strict
            ProtectHome=yes
            PrivateTmp=yes
            PrivateDevices=yes
            PrivateUsers=yes
            PrivateIPC=yes
            PrivateMounts=yes
            ProtectHostname=yes
            ProtectClock=yes
            ProtectKernelTunables=yes
            ProtectKernelModules=yes
            ProtectKernelLogs=yes
            ProtectControlGroups=yes
            ProtectProc=invisible
            ProcSubset=pid
            RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
            RestrictNamespaces=yes
            RestrictRealtime=yes
            RestrictSUIDSGID=yes
            LockPersonality=yes
            MemoryDenyWriteExecute=no
            RemoveIPC=yes
            KeyringMode=private
            DevicePolicy=closed
            SystemCallArchitectures=native
            SystemCallFilter=@system-service
            SystemCallFilter=~@privileged
            SystemCallErrorNumber=EPERM
            """;

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
                        ExecStart=/var/lib/home-web/current/runtime/bin/java -XX:-UsePerfData -Xmx48m -Xmn12m -XX:+UseSerialGC -jar /var/lib/home-web/current/home-web.jar serve
                        WorkingDirectory=/var/lib/home-web/current
                        Restart=on-failure
                        RestartSec=2s
                        TimeoutStopSec=20s
                        StateDirectory=home-web-snapshot
                        StateDirectoryMode=0700
                        Environment=HOME_WEB_STATE_DIR=/var/lib/home-web-snapshot
                        DynamicUser=yes
                        """
                                + HARDENING
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

        assertThat(text(files, "home-web.service"))
                .startsWith(
                        """
                        [Unit]
                        Description=home-web blog server
                        After=network-online.target postgresql.service home-web-http.socket
                        Wants=network-online.target
                        Requires=home-web-http.socket

                        [Service]
                        Type=exec
                        EnvironmentFile=/srv/blog/current/release.env
                        Environment=HOME_WEB_PORT=9000
                        Environment=HOME_WEB_BIND=0.0.0.0
                        Environment=HOME_WEB_BASE_URL=https://blog.example.org
                        Environment="HOME_WEB_SITE_TITLE=100%% Home"
                        Environment=HOME_WEB_DISCUSS_EMAIL=talk@example.org
                        LoadCredential=database-url:/etc/credstore/home-web/database-url
                        LoadCredential=api-token:/etc/home-web/api-token
                        ExecStart=/usr/lib/jvm/java-17-openjdk-amd64/bin/java -XX:-UsePerfData -Xmx1g -jar /srv/blog/current/home-web.jar serve
                        WorkingDirectory=/srv/blog/current
                        Restart=on-failure
                        RestartSec=2s
                        TimeoutStopSec=20s
                        StateDirectory=home-web-snapshot
                        StateDirectoryMode=0700
                        Environment=HOME_WEB_STATE_DIR=/var/lib/home-web-snapshot
                        User=homeweb
                        Group=homeweb
                        UMask=0077
                        """);
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
                        ExecStart=/var/lib/home-web/releases/%i/runtime/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -Xmx48m -Xmn12m -XX:+UseSerialGC -jar /var/lib/home-web/releases/%i/home-web.jar migrate
                        WorkingDirectory=/var/lib/home-web/releases/%i
                        TimeoutStartSec=15min
                        DynamicUser=yes
                        """
                                + HARDENING);
        assertThat(text(files, "home-web-import.service"))
                .isEqualTo(
                        head("home-web content import of the current release", "oneshot")
                                + """
                        EnvironmentFile=/var/lib/home-web/current/release.env
                        Environment=HOME_WEB_PORT=8080
                        Environment=HOME_WEB_BIND=127.0.0.1
                        LoadCredential=database-url:/etc/credstore/home-web/database-url
                        ExecStart=/var/lib/home-web/current/runtime/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -Xmx48m -Xmn12m -XX:+UseSerialGC -jar /var/lib/home-web/current/home-web.jar import --content /var/lib/home-web/current/content
                        WorkingDirectory=/var/lib/home-web/current
                        TimeoutStartSec=5min
                        DynamicUser=yes
                        """
                                + HARDENING);
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
        assertThat(script.text())
                .isEqualTo(
                        """
                        #!/bin/sh
                        # Installed by home-web deploy. Usage: home-web-rollback REASON
                        # Rolls back the unconfirmed deploy recorded in /var/lib/home-web/state/pending, if any.
                        set -eu
                        audit_word() { case "$1" in *' '*) printf '"%s"' "$1" ;; *) printf '%s' "$1" ;; esac; }
                        root=/var/lib/home-web
                        pending=/var/lib/home-web/state/pending
                        reason=${1:-manual}
                        if [ ! -f "$pending" ]; then
                            echo "home-web-rollback: no unconfirmed deploy, nothing to do"
                            exit 0
                        fi
                        previous=$(sed -n 's/^previous=//p' "$pending")
                        release=$(sed -n 's/^release=//p' "$pending")
                        restart=$(sed -n 's/^restart=//p' "$pending")
                        if [ -n "$previous" ] && [ -d "$root/releases/$previous" ]; then
                            ln -sfn "releases/$previous" "$root/current.rollback"
                            mv -T "$root/current.rollback" "$root/current"
                            systemctl start home-web-import.service || echo "home-web-rollback: content import failed"
                            if [ "$reason" != reboot ] && [ "$restart" != no ]; then systemctl restart home-web.service; fi
                            outcome="rolled back to $previous"
                        else
                            if [ "$reason" != reboot ]; then systemctl stop home-web.service 'home-web-*.socket' || true; fi
                            rm -f "$root/current"
                            outcome="stopped: no previous release"
                        fi
                        rm -f "$pending"
                        sync "$root" "$root/state" 2>/dev/null || sync
                        printf '%s node=%s action=%s release=%s reason=%s result=%s\\n' \\
                            "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \\
                            "$(audit_word "$(hostname)")" \\
                            "$(audit_word rollback)" \\
                            "$(audit_word "$release")" \\
                            "$(audit_word "$reason")" \\
                            "$(audit_word "$outcome")" \\
                            >>"$root/audit.log"
                        echo "home-web-rollback: $outcome"
                        """);
    }

    @Test
    void quotesOnlyWhatSystemdWouldSplitOrExpand() {
        assertThat(UnitFileRenderer.quote("A=b")).isEqualTo("A=b");
        assertThat(UnitFileRenderer.quote("A=b c")).isEqualTo("\"A=b c\"");
        assertThat(UnitFileRenderer.quote("A=50%")).isEqualTo("A=50%%");
        assertThat(UnitFileRenderer.quote("A=x\\y")).isEqualTo("A=x\\\\y");
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
