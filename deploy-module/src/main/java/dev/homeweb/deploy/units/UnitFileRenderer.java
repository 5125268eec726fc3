package dev.homeweb.deploy.units;

import dev.homeweb.deploy.config.Listener;
import dev.homeweb.deploy.config.NodeConfig;
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
     * Connections the kernel queues per socket while no process accepts (a restart takes seconds):
     * Linux's default cap, {@code net.core.somaxconn}, since 5.4.
     */
    static final int BACKLOG = 4096;

    private final Duration confirmTimeout;

    public UnitFileRenderer(Duration confirmTimeout) {
        this.confirmTimeout = Objects.requireNonNull(confirmTimeout, "confirmTimeout");
    }

    public List<UnitFile> render(NodeConfig node) {
        var layout = new NodeLayout(node.root());
        var files = new ArrayList<UnitFile>();
        files.add(UnitFile.unit(NodeLayout.SERVICE, server(node, layout)));
        for (var listener : node.service().listeners()) {
            files.add(UnitFile.unit(listener.socketUnit(), socket(listener)));
        }
        files.addAll(
                List.of(
                        UnitFile.unit("home-web-migrate@.service", migrate(node, layout)),
                        UnitFile.unit(NodeLayout.IMPORT, importContent(node, layout)),
                        UnitFile.unit(NodeLayout.ROLLBACK, rollback(layout)),
                        UnitFile.unit(NodeLayout.ROLLBACK_TIMER, rollbackTimer()),
                        UnitFile.unit(NodeLayout.RECOVER, recover(layout)),
                        new UnitFile(
                                node.root() + "/bin",
                                "home-web-rollback",
                                RollbackScript.render(layout),
                                "0755")));
        node.service()
                .https()
                .acmeCaRoot()
                .ifPresent(
                        root ->
                                files.add(
                                        new UnitFile(
                                                layout.etc(),
                                                NodeLayout.ACME_CA_ROOT,
                                                root.pem().endsWith("\n")
                                                        ? root.pem()
                                                        : root.pem() + "\n",
                                                "0644")));
        return List.copyOf(files);
    }

    private String server(NodeConfig node, NodeLayout layout) {
        var s = node.service();
        var sockets = String.join(" ", s.listeners().stream().map(Listener::socketUnit).toList());
        return """
                [Unit]
                Description=home-web blog server
                After=network-online.target postgresql.service%7$s
                Wants=network-online.target
                Requires=%8$s

                [Service]
                Type=exec
                EnvironmentFile=%1$s/release.env
                %2$s%3$s
                %9$sExecStart=%4$s -jar %1$s/home-web.jar serve%10$s
                WorkingDirectory=%1$s
                Restart=on-failure
                RestartSec=2s
                TimeoutStopSec=20s
                %11$s
                %5$s%6$s
                [Install]
                WantedBy=multi-user.target
                """
                .formatted(
                        layout.current(),
                        ServiceDirectives.environment(s),
                        ServiceDirectives.credentials(node, NodeLayout.SERVICE),
                        java(s, layout.current()),
                        ServiceDirectives.account(s),
                        ServiceDirectives.HARDENING,
                        " " + sockets,
                        sockets,
                        HttpsArguments.stateDirectory(s.https()),
                        HttpsArguments.of(s.https(), layout),
                        ServiceDirectives.SNAPSHOT_DIRECTORY);
    }

    /**
     * A listening socket that systemd opens and keeps: the server adopts it by its {@code
     * FileDescriptorName=}, and while the server restarts the kernel queues new connections in its
     * backlog instead of refusing them. Deliberately not {@code PartOf=} the server, so stopping or
     * restarting the server never closes it.
     */
    private static String socket(Listener listener) {
        return """
                [Unit]
                Description=home-web %1$s socket, held while the server restarts

                [Socket]
                ListenStream=%2$s
                FileDescriptorName=%1$s
                Service=%3$s
                Backlog=%4$d
                NoDelay=yes

                [Install]
                WantedBy=sockets.target
                """
                .formatted(listener.name(), listener.listenStream(), NodeLayout.SERVICE, BACKLOG);
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
                ServiceDirectives.environment(node.service()));
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
                        ServiceDirectives.credentials(node, unit),
                        java(node.service(), dir, true),
                        ServiceDirectives.account(node.service()),
                        ServiceDirectives.HARDENING,
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

    /**
     * The dead-man switch across a reboot or a power cut: the timer is gone after one, so at boot,
     * before the server starts, an unconfirmed switch (its {@code state/pending}) is rolled back
     * and the server comes up on the last confirmed release.
     */
    private static String recover(NodeLayout layout) {
        return """
                [Unit]
                Description=home-web rollback at boot of a deploy that was not confirmed
                ConditionPathExists=%1$s
                After=local-fs.target network-online.target postgresql.service
                Wants=network-online.target
                Before=%2$s

                [Service]
                Type=oneshot
                ExecStart=%3$s reboot

                [Install]
                WantedBy=multi-user.target
                """
                .formatted(layout.pending(), NodeLayout.SERVICE, layout.rollbackScript());
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

    /** The variable of a release's {@code release.env} that holds its runtime's JVM options. */
    public static final String RELEASE_JAVA_OPTIONS = "HOME_WEB_RELEASE_JAVA_OPTIONS";

    /** The same for the one-shot units (migrate, import): their own AOT cache. */
    public static final String RELEASE_IMPORT_JAVA_OPTIONS = "HOME_WEB_RELEASE_IMPORT_JAVA_OPTIONS";

    /**
     * The JVM options of a one-shot unit after the release's own: C1 only (it exits before C2's
     * compilations pay off, and they cost it a third of its CPU), then the node's, so a {@code
     * TieredStopAtLevel} there wins.
     */
    public static List<String> oneShotJavaOptions(List<String> jvmOptions) {
        var options = new ArrayList<String>();
        options.add("-XX:TieredStopAtLevel=1");
        options.addAll(jvmOptions);
        return List.copyOf(options);
    }

    private static String java(ServiceOptions s, String release) {
        return java(s, release, false);
    }

    /**
     * The java command line; a one-shot unit (migrate, import) gets {@link #oneShotJavaOptions}.
     */
    private static String java(ServiceOptions s, String release, boolean oneShot) {
        var binary = s.javaHome().map(h -> h + "/bin/java").orElse(release + "/runtime/bin/java");
        var parts = new ArrayList<String>();
        parts.add(binary);
        parts.add("-XX:-UsePerfData");
        if (s.javaHome().isEmpty()) {
            // The release's own options for its runtime (its AOT cache), from its release.env:
            // systemd expands an unset variable to no argument, so a release without one, or one
            // from before there were any, starts as before.
            parts.add("$" + (oneShot ? RELEASE_IMPORT_JAVA_OPTIONS : RELEASE_JAVA_OPTIONS));
        }
        parts.addAll(oneShot ? oneShotJavaOptions(s.jvmOptions()) : s.jvmOptions());
        return String.join(" ", parts);
    }
}
