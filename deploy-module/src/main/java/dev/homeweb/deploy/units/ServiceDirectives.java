package dev.homeweb.deploy.units;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.config.SecretFile;
import dev.homeweb.deploy.config.ServiceOptions;
import java.util.ArrayList;

/**
 * The [Service] directives that the server and its one-shot units share: sandbox, account,
 * environment and credentials. Kept apart from the unit templates so that each unit says only what
 * is its own.
 */
final class ServiceDirectives {
    /**
     * Sandboxing shared by every unit that runs release code. A JVM needs writable executable
     * memory for its JIT, so {@code MemoryDenyWriteExecute=} stays off.
     */
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

    /**
     * Where the server keeps the snapshot of the published posts that it serves when it starts
     * while the database is unreachable: a state directory of its own, outside the root and every
     * release, so each release finds the last one and no prune removes it. Named to the server
     * explicitly, as other state directories may come first in $STATE_DIRECTORY.
     */
    static final String SNAPSHOT_DIRECTORY =
            """
            StateDirectory=home-web-snapshot
            StateDirectoryMode=0700
            Environment=HOME_WEB_STATE_DIR=/var/lib/home-web-snapshot""";

    private ServiceDirectives() {}

    static String environment(ServiceOptions s) {
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
    static String credentials(NodeConfig node, String unit) {
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

    static String account(ServiceOptions s) {
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
