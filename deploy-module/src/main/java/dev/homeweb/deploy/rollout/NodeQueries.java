package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.ServiceOptions;
import dev.homeweb.deploy.release.Hashes;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.deploy.units.UnitFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a node has, read without changing anything: for plan, status and the steps. */
record NodeQueries(NodeShell shell, NodeLayout layout) {
    /** The release {@code current} points at, if any. */
    Optional<String> current() {
        var id = text(NodeScripts.current(layout), "reading the current release").strip();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** Which of the files differ from what is on the node. */
    List<UnitFile> changedFiles(List<UnitFile> files) {
        var lines = lines(NodeScripts.fileHashes(files), "reading unit files");
        var changed = new ArrayList<UnitFile>();
        for (int i = 0; i < files.size(); i++) {
            var remote = i < lines.size() ? lines.get(i).split("\\s+")[0] : "missing";
            if (!remote.equals(Hashes.sha256(files.get(i).text()))) {
                changed.add(files.get(i));
            }
        }
        return changed;
    }

    /** The text of a file on the node, empty if absent (for plan diffs). */
    String read(String path) {
        return text(NodeScripts.read(path), "reading " + path);
    }

    /** The good releases, oldest first. */
    List<String> goodReleases() {
        return lines(NodeScripts.read(layout.good()), "reading good releases");
    }

    /** The releases on the node, newest first. */
    List<String> releasesOnNode() {
        return lines(NodeScripts.releases(layout), "listing releases");
    }

    /** The migrations a release on the node carries (its migrations.txt). */
    List<String> migrationsOf(String release) {
        return lines(
                NodeScripts.read(layout.release(release) + "/migrations.txt"),
                "reading migrations");
    }

    /** The lines of a file on the node, none if it is absent. */
    List<String> lines(String path) {
        return lines(NodeScripts.read(path), "reading " + path);
    }

    /** The pre-migration backups, newest first: name and size in bytes. */
    List<String> backups() {
        return lines(SchemaScripts.backups(layout), "listing backups");
    }

    /** The last lines of the node's audit log. */
    List<String> auditTail(int lines) {
        return lines(NodeScripts.tail(layout.audit(), lines), "reading the audit log");
    }

    /** One health probe from the node itself. */
    HealthProbe probe(ServiceOptions service) {
        return HealthProbe.parse(shell.run(ProbeScripts.probe(layout, service)).stdout());
    }

    private String text(String script, String what) {
        return shell.run(script).orThrow(what).stdout();
    }

    private List<String> lines(String script, String what) {
        return text(script, what).lines().filter(l -> !l.isBlank()).toList();
    }
}
