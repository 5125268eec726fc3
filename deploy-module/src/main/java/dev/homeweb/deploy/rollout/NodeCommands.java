package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.ServiceOptions;
import dev.homeweb.deploy.ssh.ExecResult;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.deploy.units.UnitFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The node-side shell of each deploy step, as small scripts run as root over one connection. */
final class NodeCommands {
    private final NodeShell shell;
    private final NodeLayout layout;

    NodeCommands(NodeShell shell, NodeLayout layout) {
        this.shell = shell;
        this.layout = layout;
    }

    /** Checks systemd is PID 1 and there is room; returns free kilobytes. */
    long preflight(long neededBytes) {
        var result =
                shell.run(
                        """
                        comm=$(cat /proc/1/comm)
                        if [ "$comm" != systemd ]; then echo "PID 1 is $comm, not systemd" >&2; exit 3; fi
                        command -v systemctl >/dev/null
                        d=%s
                        while [ ! -d "$d" ]; do d=$(dirname "$d"); done
                        df -Pk "$d" | awk 'NR==2 {print $4}'
                        """
                                .formatted(layout.root()));
        if (result.exitCode() != 0) {
            throw new DeployFailed(
                    Outcome.FAILED_NO_CHANGE, "preflight failed: " + result.lastLine());
        }
        long freeKb = Long.parseLong(result.stdout().strip());
        long neededKb = neededBytes / 1024 + 64 * 1024;
        if (freeKb < neededKb) {
            throw new DeployFailed(
                    Outcome.FAILED_NO_CHANGE,
                    "not enough disk space under "
                            + layout.root()
                            + ": "
                            + freeKb / 1024
                            + " MB free, "
                            + neededKb / 1024
                            + " MB needed");
        }
        return freeKb;
    }

    /** The release {@code current} points at, if any. */
    Optional<String> current() {
        var result =
                shell.run(
                                "if [ -L %1$s ]; then basename \"$(readlink %1$s)\"; fi\n"
                                        .formatted(layout.current()))
                        .orThrow("reading the current release");
        var id = result.stdout().strip();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** Which of the files differ from what is on the node. */
    List<UnitFile> changedFiles(List<UnitFile> files) {
        var script = new StringBuilder();
        for (var file : files) {
            script.append("if [ -f ")
                    .append(file.path())
                    .append(" ]; then sha256sum < ")
                    .append(file.path())
                    .append("; else echo missing; fi\n");
        }
        var lines =
                shell.run(script.toString())
                        .orThrow("reading unit files")
                        .stdout()
                        .lines()
                        .toList();
        var changed = new ArrayList<UnitFile>();
        for (int i = 0; i < files.size(); i++) {
            var remote = lines.get(i).split("\\s+")[0];
            if (!remote.equals(Hashes.sha256(files.get(i).text()))) {
                changed.add(files.get(i));
            }
        }
        return changed;
    }

    /** The text of a file on the node, empty if absent (for plan diffs). */
    String read(String path) {
        return shell.run("if [ -f " + path + " ]; then cat " + path + "; fi\n")
                .orThrow("reading " + path)
                .stdout();
    }

    /** Installs files (atomically, by rename) and reloads systemd if a unit changed. */
    void install(List<UnitFile> files) {
        var script = new StringBuilder("umask 022\n");
        for (var file : files) {
            script.append("mkdir -p ").append(file.directory()).append('\n');
            script.append("cat > ")
                    .append(file.path())
                    .append(".new <<'HOME_WEB_EOF'\n")
                    .append(file.text())
                    .append("HOME_WEB_EOF\n");
            script.append("chmod ")
                    .append(file.mode())
                    .append(' ')
                    .append(file.path())
                    .append(".new\n");
            script.append("mv -f ")
                    .append(file.path())
                    .append(".new ")
                    .append(file.path())
                    .append('\n');
        }
        if (files.stream().anyMatch(UnitFile::isSystemdUnit)) {
            script.append("systemctl daemon-reload\n");
            script.append("systemctl enable --quiet ").append(NodeLayout.SERVICE).append('\n');
        }
        shell.run(script.toString()).orThrow("installing unit files");
    }

    /** Runs a oneshot unit; on failure returns the tail of its journal. */
    ExecResult startOneshot(String unit) {
        return shell.run(
                """
                systemctl reset-failed %1$s 2>/dev/null || true
                since=$(date '+%%Y-%%m-%%d %%H:%%M:%%S')
                if systemctl start %1$s 2>/dev/null; then exit 0; fi
                journalctl -u %1$s --since "$since" -n 10 --no-pager -o cat _COMM=java >&2 || true
                exit 1
                """
                        .formatted(unit));
    }

    /** Writes the pending marker and arms the node's rollback timer. */
    void armRollback(String release, Optional<String> previous) {
        shell.run(
                        """
                        mkdir -p %1$s
                        printf 'release=%%s\\nprevious=%%s\\n' %2$s %3$s > %4$s.new
                        mv -f %4$s.new %4$s
                        systemctl restart %5$s
                        """
                                .formatted(
                                        layout.state(),
                                        release,
                                        previous.orElse("''"),
                                        layout.pending(),
                                        NodeLayout.ROLLBACK_TIMER))
                .orThrow("arming the rollback timer");
    }

    /** Points {@code current} at a release by renaming a new symlink over it. */
    void switchTo(String release) {
        shell.run(
                        """
                        [ -d %1$s ]
                        ln -sfn releases/%2$s %3$s.new
                        mv -T %3$s.new %3$s
                        """
                                .formatted(layout.release(release), release, layout.current()))
                .orThrow("switching current to " + release);
    }

    /**
     * Restarts the server, and those of {@code others} that are running; returns the server's
     * restart counter right after.
     */
    int restart(List<String> others) {
        var script = new StringBuilder("systemctl restart " + NodeLayout.SERVICE + "\n");
        script.append(tryRestartScript(others));
        script.append("systemctl show " + NodeLayout.SERVICE + " -p NRestarts --value\n");
        var result = shell.run(script.toString()).orThrow("restarting " + NodeLayout.SERVICE);
        return Integer.parseInt(result.stdout().strip());
    }

    /** Restarts those of {@code units} that are running; returns the server's restart counter. */
    int tryRestart(List<String> units) {
        var result =
                shell.run(
                                tryRestartScript(units)
                                        + "systemctl show %s -p NRestarts --value\n"
                                                .formatted(NodeLayout.SERVICE))
                        .orThrow("restarting " + units);
        return Integer.parseInt(result.stdout().strip());
    }

    /** Restarts each unit that is running; units not installed (yet) are skipped. */
    private static String tryRestartScript(List<String> units) {
        if (units.isEmpty()) {
            return "";
        }
        return """
                for u in %s; do
                    if [ "$(systemctl show -p LoadState --value "$u")" = loaded ]; then
                        systemctl try-restart "$u"
                    fi
                done
                """
                .formatted(String.join(" ", units));
    }

    /** One health probe from the node itself. */
    HealthProbe probe(ServiceOptions service) {
        var address = service.localAddress();
        var url =
                "http://"
                        + (address.contains(":") ? "[" + address + "]" : address)
                        + ":"
                        + service.port()
                        + "/healthz";
        var java =
                service.javaHome()
                        .map(h -> h + "/bin/java")
                        .orElse(layout.current() + "/runtime/bin/java");
        var result =
                shell.run(
                        """
                        systemctl show %1$s -p ActiveState -p NRestarts
                        if command -v curl >/dev/null; then
                            echo "body=$(curl -sS --max-time 3 %2$s 2>/dev/null || true)"
                        else
                            echo "body=$(%3$s -jar %4$s/home-web.jar healthcheck --url %2$s 2>/dev/null | cut -d' ' -f2-)"
                        fi
                        """
                                .formatted(NodeLayout.SERVICE, url, java, layout.current()));
        return HealthProbe.parse(result.stdout());
    }

    /** Runs the node's rollback script now (the same one its timer runs). */
    ExecResult rollbackNow(String reason) {
        return shell.run(
                """
                systemctl stop %1$s || true
                %2$s %3$s
                """
                        .formatted(NodeLayout.ROLLBACK_TIMER, layout.rollbackScript(), reason));
    }

    /** Disarms the rollback timer; false if the node already rolled this release back. */
    boolean confirm(String release) {
        var result =
                shell.run(
                                """
                                systemctl stop %1$s
                                if [ -f %2$s ] && grep -qx 'release=%3$s' %2$s; then
                                    rm -f %2$s
                                    echo confirmed
                                fi
                                """
                                        .formatted(
                                                NodeLayout.ROLLBACK_TIMER,
                                                layout.pending(),
                                                release))
                        .orThrow("confirming the deploy");
        return result.stdout().contains("confirmed");
    }

    /**
     * Marks the release good, prunes old releases and unused store files, appends to the audit log.
     */
    String finalizeRelease(String release, int keep, String auditLine) {
        var result =
                shell.run(
                                """
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
                                echo %8$s >> %9$s
                                echo "$pruned"
                                """
                                        .formatted(
                                                layout.state(),
                                                layout.good(),
                                                release,
                                                layout.current(),
                                                layout.releases(),
                                                keep,
                                                layout.store(),
                                                NodeShell.quote(auditLine),
                                                layout.audit()))
                        .orThrow("finalizing the release");
        return result.stdout().strip();
    }

    /** Appends one line to the node's audit log. */
    void audit(String line) {
        shell.run("echo " + NodeShell.quote(line) + " >> " + layout.audit() + "\n")
                .orThrow("writing the audit log");
    }

    /** The good releases, oldest first. */
    List<String> goodReleases() {
        return shell.run("if [ -f %1$s ]; then cat %1$s; fi\n".formatted(layout.good()))
                .orThrow("reading good releases")
                .stdout()
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }

    List<String> releasesOnNode() {
        return shell.run("if [ -d %1$s ]; then ls -1t %1$s; fi\n".formatted(layout.releases()))
                .orThrow("listing releases")
                .stdout()
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }

    /** The migrations a release on the node carries (from its migrations.txt). */
    List<String> migrationsOf(String release) {
        return shell.run(
                        "if [ -f %1$s/migrations.txt ]; then cat %1$s/migrations.txt; fi\n"
                                .formatted(layout.release(release)))
                .orThrow("reading migrations")
                .stdout()
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }

    NodeShell shell() {
        return shell;
    }
}
