package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.release.Migration;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.release.ReleaseUploader;
import dev.homeweb.deploy.secrets.NodeAgent;
import dev.homeweb.deploy.secrets.SecretFiles;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.deploy.units.UnitFileRenderer;
import dev.homeweb.node.secrets.SecretChange;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deploy plan}: what a deploy would change on a node, read-only. Secrets are compared by
 * hash and shown only as changed or not.
 */
public final class Planner {
    private final NodeConnector connector;
    private final UnitFileRenderer renderer;

    public Planner(NodeConnector connector, UnitFileRenderer renderer) {
        this.connector = connector;
        this.renderer = renderer;
    }

    public String plan(NodeConfig node, Release release, List<String> migrations) {
        var layout = new NodeLayout(node.root());
        try (var host = connector.open(node)) {
            var shell = new NodeShell(host, node.needsSudo());
            var commands = new NodeQueries(shell, layout);
            var out = new StringBuilder();
            var current = commands.current();
            out.append("node ")
                    .append(node.name())
                    .append(" (")
                    .append(host.description())
                    .append(")\n");
            out.append("  release:  ")
                    .append(current.orElse("(none)"))
                    .append(" -> ")
                    .append(release.id())
                    .append(current.filter(release.id()::equals).isPresent() ? " (same)" : "")
                    .append('\n');
            var upload = new ReleaseUploader(shell, layout).plan(release);
            out.append("  upload:   ")
                    .append(
                            upload.releasePresent()
                                    ? "nothing (release already on the node)"
                                    : upload.missing().size()
                                            + " file(s), "
                                            + upload.bytes()
                                            + " bytes")
                    .append('\n');
            secrets(node, layout, shell, release, current, out);
            var files = renderer.render(node);
            var changed = commands.changedFiles(files);
            if (changed.isEmpty()) {
                out.append("  units:    unchanged\n");
            }
            for (var file : changed) {
                out.append("  unit:     ").append(file.path()).append(" changes:\n");
                for (var line : TextDiff.diff(commands.read(file.path()), file.text())) {
                    out.append("      ").append(line).append('\n');
                }
            }
            var known = current.map(commands::migrationsOf).orElse(List.of());
            out.append("  schema:   ")
                    .append(current.isPresent() ? Migration.schemaVersion(known) : "(none)")
                    .append(" -> ")
                    .append(Migration.schemaVersion(migrations))
                    .append('\n');
            var pending = names(migrations);
            pending.removeAll(names(known));
            out.append("  migrations new in this release: ")
                    .append(pending.isEmpty() ? "none" : String.join(", ", pending))
                    .append('\n');
            return out.toString();
        }
    }

    /**
     * Asks the agent of the new release (or else of the current one) to compare the secrets with
     * what the node has; before the first deploy there is no agent to ask.
     */
    private static void secrets(
            NodeConfig node,
            NodeLayout layout,
            NodeShell shell,
            Release release,
            java.util.Optional<String> current,
            StringBuilder out) {
        var sealed = node.secrets().stream().map(SecretFiles::seal).toList();
        var agentRelease =
                java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(release.id()), current.stream())
                        .filter(id -> hasAgent(shell, layout, id))
                        .findFirst();
        if (agentRelease.isEmpty()) {
            out.append("  secrets:  ")
                    .append(sealed.size())
                    .append(" to install; no release with a secrets agent on the node yet\n");
            return;
        }
        try {
            var changes =
                    NodeAgent.forRelease(shell, node, layout, agentRelease.get()).check(sealed);
            for (SecretChange change : changes) {
                out.append("  secret:   ").append(change.describe()).append('\n');
            }
        } catch (NodeAgent.SecretsRejected e) {
            out.append("  secrets:  REFUSED: ").append(e.getMessage()).append('\n');
        }
    }

    private static List<String> names(List<String> lines) {
        return new ArrayList<>(lines.stream().map(l -> Migration.parse(l).name()).toList());
    }

    private static boolean hasAgent(NodeShell shell, NodeLayout layout, String id) {
        return shell.run("[ -f " + layout.release(id) + "/" + NodeAgent.JAR + " ]\n").ok();
    }
}
