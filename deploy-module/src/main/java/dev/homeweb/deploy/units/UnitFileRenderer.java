package dev.homeweb.deploy.units;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.config.SecretFile;
import dev.homeweb.deploy.config.ServiceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders the systemd units and the node-side rollback script for one node. The output depends on
 * the config only, never on the release, so an unchanged config means unchanged units and no
 * daemon-reload: the release id reaches the server through {@code current/release.env}.
 */
public final class UnitFileRenderer {
    /**
     * Sandboxing shared by every unit that runs release code. A JVM needs writable executable
     * memory for its JIT, so {@code MemoryDenyWriteExecute=} stays off.
     */
    private static final String HARDENING =
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

    private final Duration confirmTimeout;

    public UnitFileRenderer(Duration confirmTimeout) {
        this.confirmTimeout = Objects.requireNonNull(confirmTimeout, "confirmTimeout");
    }

    public List<UnitFile> render(NodeConfig node) {
        var layout = new NodeLayout(node.root());
        return List.of(
                UnitFile.unit(NodeLayout.SERVICE, server(node, layout)),
                UnitFile.unit("home-web-migrate@.service", migrate(node, layout)),
                UnitFile.unit(NodeLayout.IMPORT, importContent(node, layout)),
                UnitFile.unit(NodeLayout.ROLLBACK, rollback(layout)),
                UnitFile.unit(NodeLayout.ROLLBACK_TIMER, rollbackTimer()),
                new UnitFile(
                        node.root() + "/bin",
                        "home-web-rollback",
                        RollbackScript.render(layout),
                        "0755"));
    }

    private String server(NodeConfig node, NodeLayout layout) {
        var s = node.service();
        return """
                [Unit]
                Description=home-web blog server
                After=network-online.target postgresql.service
                Wants=network-online.target

                [Service]
                Type=exec
                EnvironmentFile=%1$s/release.env
                %2$s%3$s
                ExecStart=%4$s -jar %1$s/home-web.jar serve
                WorkingDirectory=%1$s
                Restart=on-failure
                RestartSec=2s
                TimeoutStopSec=20s
                %5$s%6$s
                [Install]
                WantedBy=multi-user.target
                """
                .formatted(
                        layout.current(),
                        environment(s),
                        credentials(node, NodeLayout.SERVICE),
                        java(s, layout.current()),
                        account(s),
                        HARDENING);
    }

    private String migrate(NodeConfig node, NodeLayout layout) {
        var release = layout.releases() + "/%i";
        return oneShot(
                node,
                "home-web database migrations of release %i",
                release,
                "home-web-migrate@.service",
                "migrate",
                "15min",
                "");
    }

    /** With the server's environment, so the preview URLs it prints have the site's address. */
    private String importContent(NodeConfig node, NodeLayout layout) {
        return oneShot(
                node,
                "home-web content import of the current release",
                layout.current(),
                NodeLayout.IMPORT,
                "import --content " + layout.current() + "/content",
                "5min",
                environment(node.service()));
    }

    /**
     * A unit that runs the jar of release directory {@code dir} once with {@code command}, as the
     * service account and under the same sandbox as the server: migrations and the content import.
     */
    private static String oneShot(
            NodeConfig node,
            String description,
            String dir,
            String unit,
            String command,
            String timeout,
            String environment) {
        return """
                [Unit]
                Description=%6$s
                After=network-online.target postgresql.service
                Wants=network-online.target

                [Service]
                Type=oneshot
                EnvironmentFile=%1$s/release.env
                %9$s%2$s
                ExecStart=%3$s -jar %1$s/home-web.jar %7$s
                WorkingDirectory=%1$s
                TimeoutStartSec=%8$s
                %4$s%5$s"""
                .formatted(
                        dir,
                        credentials(node, unit),
                        java(node.service(), dir, true),
                        account(node.service()),
                        HARDENING,
                        description,
                        command,
                        timeout,
                        environment);
    }

    private static String rollback(NodeLayout layout) {
        return """
                [Unit]
                Description=home-web rollback of a deploy that was not confirmed in time

                [Service]
                Type=oneshot
                ExecStart=%s unconfirmed
                """
                .formatted(layout.rollbackScript());
    }

    private String rollbackTimer() {
        return """
                [Unit]
                Description=home-web rollback unless the deployer confirms within %1$ds

                [Timer]
                OnActiveSec=%1$ds
                AccuracySec=1s
                RemainAfterElapse=no
                """
                .formatted(confirmTimeout.toSeconds());
    }

    private static String environment(ServiceOptions s) {
        var lines = new ArrayList<String>();
        lines.add("HOME_WEB_PORT=" + s.port());
        lines.add("HOME_WEB_BIND=" + s.bind());
        s.baseUrl().ifPresent(v -> lines.add("HOME_WEB_BASE_URL=" + v));
        s.siteTitle().ifPresent(v -> lines.add("HOME_WEB_SITE_TITLE=" + v));
        s.discussEmail().ifPresent(v -> lines.add("HOME_WEB_DISCUSS_EMAIL=" + v));
        var out = new StringBuilder();
        for (var line : lines) {
            out.append("Environment=").append(quote(line)).append('\n');
        }
        return out.toString();
    }

    /** {@code LoadCredential=} for each secret that lists {@code unit} among its users. */
    private static String credentials(NodeConfig node, String unit) {
        var out = new StringBuilder();
        for (SecretFile secret : node.secrets()) {
            if (!secret.usedBy(unit)) {
                continue;
            }
            out.append("LoadCredential=")
                    .append(secret.credential())
                    .append(':')
                    .append(secret.path().orElse(NodeLayout.credential(secret.credential())))
                    .append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String java(ServiceOptions s, String release) {
        return java(s, release, false);
    }

    /**
     * The java command line. A one-shot unit (migrate, import) also gets C1 only: it exits before
     * C2's compilations pay off, and they cost it a third of its CPU. It comes before the node's
     * own options, so a {@code TieredStopAtLevel} there wins.
     */
    private static String java(ServiceOptions s, String release, boolean oneShot) {
        var binary = s.javaHome().map(h -> h + "/bin/java").orElse(release + "/runtime/bin/java");
        var parts = new ArrayList<String>();
        parts.add(binary);
        parts.add("-XX:-UsePerfData");
        if (oneShot) {
            parts.add("-XX:TieredStopAtLevel=1");
        }
        parts.addAll(s.jvmOptions());
        return String.join(" ", parts);
    }

    private static String account(ServiceOptions s) {
        if (s.user().isEmpty()) {
            return "DynamicUser=yes\n";
        }
        return "User=" + s.user().get() + "\nGroup=" + s.group().orElse(s.user().get()) + "\n";
    }

    /** Quotes a value for systemd: spaces need quotes, and {@code %} starts a specifier. */
    static String quote(String value) {
        var escaped = value.replace("\\", "\\\\").replace("%", "%%");
        return escaped.contains(" ") ? "\"" + escaped + "\"" : escaped;
    }
}
