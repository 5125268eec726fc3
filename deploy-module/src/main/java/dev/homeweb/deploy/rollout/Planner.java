package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.release.ReleaseUploader;
import dev.homeweb.deploy.secrets.SecretInstaller;
import dev.homeweb.deploy.secrets.SecretSource;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.deploy.units.UnitFileRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deploy plan}: what a deploy would change on a node, read-only. Secrets are compared by
 * hash and shown only as changed or not.
 */
public final class Planner {
    private final NodeConnector connector;
    private final UnitFileRenderer renderer;
    private final SecretSource secrets;

    public Planner(NodeConnector connector, UnitFileRenderer renderer, SecretSource secrets) {
        this.connector = connector;
        this.renderer = renderer;
        this.secrets = secrets;
    }

    public String plan(NodeConfig node, Release release, List<String> migrations) {
        var layout = new NodeLayout(node.root());
        try (var host = connector.open(node)) {
            var shell = new NodeShell(host, node.needsSudo());
            var commands = new NodeCommands(shell, layout);
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
            var values = node.secrets().stream().map(secrets::load).toList();
            var changedSecrets = new SecretInstaller(shell).changed(values);
            for (var secret : values) {
                out.append("  secret:   ")
                        .append(secret.credential())
                        .append(
                                changedSecrets.contains(secret.credential())
                                        ? " changes (new sha256 "
                                                + secret.sha256().substring(0, 12)
                                                + "…)"
                                        : " unchanged")
                        .append('\n');
            }
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
            var pending = new ArrayList<>(migrations);
            pending.removeAll(known);
            out.append("  migrations new in this release: ")
                    .append(pending.isEmpty() ? "none" : String.join(", ", pending))
                    .append('\n');
            return out.toString();
        }
    }
}
