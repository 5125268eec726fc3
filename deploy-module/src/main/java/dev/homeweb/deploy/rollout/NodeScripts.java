package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.deploy.units.UnitFile;
import java.util.List;
import java.util.Optional;

/**
 * The scripts the steps run on a node as root, built by pure functions of a {@link NodeLayout} and
 * values, so each is tested as text ({@code NodeScriptsTest}). {@code NodeShell} adds {@code set
 * -eu}.
 */
final class NodeScripts {
    private NodeScripts() {}

    /** Prints the release {@code current} points at, or nothing. */
    static String current(NodeLayout layout) {
        return "if [ -L %1$s ]; then basename \"$(readlink %1$s)\"; fi\n"
                .formatted(layout.current());
    }

    /** Prints one line per file: its SHA-256, or {@code missing}. */
    static String fileHashes(List<UnitFile> files) {
        var script = new StringBuilder();
        for (var file : files) {
            script.append(
                    "if [ -f %1$s ]; then sha256sum < %1$s; else echo missing; fi\n"
                            .formatted(file.path()));
        }
        return script.toString();
    }

    /** Prints a file, or nothing if it is absent. */
    static String read(String path) {
        return "if [ -f %1$s ]; then cat %1$s; fi\n".formatted(path);
    }

    /** Prints the lines of a file, or nothing if it is absent: good releases, the audit tail. */
    static String tail(String path, int lines) {
        return "if [ -f %1$s ]; then tail -n %2$d %1$s; fi\n".formatted(path, lines);
    }

    /** Lists the releases on the node, newest first. */
    static String releases(NodeLayout layout) {
        return "if [ -d %1$s ]; then ls -1t %1$s; fi\n".formatted(layout.releases());
    }

    /** Installs files atomically (by rename), then reloads systemd if a unit changed. */
    static String install(List<UnitFile> files) {
        var script = new StringBuilder("umask 022\n");
        for (var file : files) {
            if (file.text().lines().anyMatch("HOME_WEB_EOF"::equals)) {
                throw new IllegalArgumentException(file.path() + " contains the heredoc marker");
            }
            script.append(
                    """
                    mkdir -p %1$s
                    cat > %2$s.new <<'HOME_WEB_EOF'
                    %3$sHOME_WEB_EOF
                    chmod %4$s %2$s.new
                    mv -fT %2$s.new %2$s
                    """
                            .formatted(file.directory(), file.path(), file.text(), file.mode()));
        }
        if (files.stream().anyMatch(UnitFile::isSystemdUnit)) {
            script.append("systemctl daemon-reload\n");
            script.append("systemctl enable --quiet ")
                    .append(NodeLayout.SERVICE)
                    .append(' ')
                    .append(NodeLayout.RECOVER)
                    .append('\n');
        }
        var sockets = files.stream().filter(UnitFile::isSocket).map(UnitFile::name).toList();
        if (!sockets.isEmpty()) {
            script.append(openSockets(sockets));
        }
        return script.toString();
    }

    /**
     * Enables and opens changed socket units. A socket that is open already listens on its old
     * address, so it is restarted (the only refusing moment: a changed listener). One that cannot
     * open has its port held by a server from before socket activation, which binds the port
     * itself: that server stops, the socket opens, and the next connection starts the server on it.
     */
    private static String openSockets(List<String> sockets) {
        return """
                for s in %1$s; do
                    systemctl enable --quiet "$s"
                    if systemctl is-active --quiet "$s"; then
                        systemctl restart "$s"
                    elif ! systemctl start "$s" 2>/dev/null; then
                        systemctl stop %2$s
                        systemctl start "$s"
                    fi
                done
                """
                .formatted(String.join(" ", sockets), NodeLayout.SERVICE);
    }

    /** Runs a oneshot unit; on failure prints the tail of its journal on stderr and exits 1. */
    static String startOneshot(String unit) {
        return startOneshot(unit, "exit 0");
    }

    /**
     * As {@link #startOneshot(String)}, and on success prints the lines of this run's journal that
     * start with {@code prefix} (the import's draft preview URLs, {@code ImportCommand} in the
     * app).
     */
    static String startOneshotPrinting(String unit, String prefix) {
        return startOneshot(
                unit,
                "journalctl -u %s --since \"$since\" --no-pager -o cat _COMM=java | grep -F -- %s"
                                .formatted(unit, NodeShell.quote(prefix))
                        + " || true; exit 0");
    }

    private static String startOneshot(String unit, String onSuccess) {
        return """
                systemctl reset-failed %1$s 2>/dev/null || true
                since=$(date '+%%Y-%%m-%%d %%H:%%M:%%S')
                if systemctl start %1$s 2>/dev/null; then %2$s; fi
                journalctl -u %1$s --since "$since" -n 10 --no-pager -o cat _COMM=java >&2 || true
                exit 1
                """
                .formatted(unit, onSuccess);
    }

    /**
     * Records the unconfirmed switch in {@code state/pending} (on disk before anything switches:
     * after a power cut, the boot's rollback reads it), arms the node's rollback timer, then points
     * {@code current} at {@code release} by renaming a new symlink over it. {@code restart=no} in
     * the record: only content changes, so going back needs no restart either.
     */
    static String switchTo(
            NodeLayout layout, String release, Optional<String> previous, boolean restarts) {
        return """
                [ -d %1$s ]
                mkdir -p %2$s
                printf 'release=%%s\\nprevious=%%s\\nrestart=%%s\\n' %3$s %4$s %8$s > %5$s.new
                mv -f %5$s.new %5$s
                sync %5$s %2$s
                systemctl restart %6$s
                %9$sln -sfn releases/%3$s %7$s.new
                mv -T %7$s.new %7$s
                """
                .formatted(
                        layout.release(release),
                        layout.state(),
                        release,
                        previous.orElse("''"),
                        layout.pending(),
                        NodeLayout.ROLLBACK_TIMER,
                        layout.current(),
                        restarts ? "yes" : "no",
                        // The release switched away from is the one a rollback goes back to: newest
                        // but one for finalize's prune, which keeps releases by modification time.
                        previous.map(p -> "touch -c " + layout.release(p) + "\n").orElse(""));
    }

    /**
     * Restarts the server (if {@code server}) and those of {@code others} that are loaded, then
     * prints the server's restart counter.
     */
    static String restart(boolean server, List<String> others) {
        var script = new StringBuilder();
        if (server) {
            script.append("systemctl restart ").append(NodeLayout.SERVICE).append('\n');
        }
        if (!others.isEmpty()) {
            script.append(
                    """
                    for u in %s; do
                        if [ "$(systemctl show -p LoadState --value "$u")" = loaded ]; then
                            systemctl try-restart "$u"
                        fi
                    done
                    """
                            .formatted(String.join(" ", others)));
        }
        script.append("systemctl show " + NodeLayout.SERVICE + " -p NRestarts --value\n");
        return script.toString();
    }

    static String rollbackNow(NodeLayout layout, String reason) {
        return """
                systemctl stop %1$s || true
                %2$s %3$s
                """
                .formatted(NodeLayout.ROLLBACK_TIMER, layout.rollbackScript(), reason);
    }

    /**
     * Rolls back a switch left unconfirmed by a deployer that is gone; prints nothing if none. An
     * import that deployer started may still run: it is stopped, so the rollback's own import (of
     * the release gone back to) runs rather than joining it.
     */
    static String recover(NodeLayout layout) {
        return """
                if [ -f %1$s ]; then
                    systemctl stop %2$s %3$s || true
                    %4$s abandoned
                fi
                """
                .formatted(
                        layout.pending(),
                        NodeLayout.ROLLBACK_TIMER,
                        NodeLayout.IMPORT,
                        layout.rollbackScript());
    }

    /**
     * Disarms the rollback timer; prints {@code confirmed} unless the node already rolled back. The
     * removal is on disk before it says so, or a power cut could roll back a confirmed release.
     */
    static String confirm(NodeLayout layout, String release) {
        return """
                systemctl stop %1$s
                if [ -f %2$s ] && grep -qx 'release=%3$s' %2$s; then
                    rm -f %2$s
                    sync "$(dirname %2$s)"
                    echo confirmed
                fi
                """
                .formatted(NodeLayout.ROLLBACK_TIMER, layout.pending(), release);
    }

    /**
     * Marks the release good, keeps the newest {@code keep} releases (and the current and last good
     * ones), deletes store files no release links; prints how many releases it pruned.
     */
    static String finalizeRelease(NodeLayout layout, String release, int keep) {
        return """
                mkdir -p %1$s
                touch %2$s
                grep -qx %3$s %2$s || echo %3$s >> %2$s
                last_good=$(tail -n 1 %2$s)
                current=$(basename "$(readlink %4$s)")
                n=0
                pruned=0
                for r in $(ls -1t %5$s); do
                    n=$((n + 1))
                    if [ "$n" -le %6$d ] || [ "$r" = "$current" ] || [ "$r" = "$last_good" ]; then continue; fi
                    rm -rf %5$s/"$r"
                    pruned=$((pruned + 1))
                done
                find %7$s -maxdepth 1 -type f -links 1 -delete
                echo "$pruned"
                """
                .formatted(
                        layout.state(),
                        layout.good(),
                        release,
                        layout.current(),
                        layout.releases(),
                        keep,
                        layout.store());
    }
}
