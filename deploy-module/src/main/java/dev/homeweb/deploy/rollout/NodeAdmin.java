package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.DeploySettings;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.lock.NodeLock;
import dev.homeweb.deploy.release.Migration;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The day-two commands on one node: status, rollback, secrets init, logs and the lock. */
public record NodeAdmin(NodeConnector connector, Clock clock, DeploySettings settings) {
    /** A readable status report. */
    public String status(NodeConfig node) {
        try (var host = connector.open(node)) {
            var shell = new NodeShell(host, node.needsSudo());
            var layout = new NodeLayout(node.root());
            var queries = new NodeQueries(shell, layout);
            var current = queries.current();
            var good = queries.goodReleases();
            var out = new StringBuilder();
            out.append("node ")
                    .append(node.name())
                    .append(" (")
                    .append(host.description())
                    .append(")\n");
            out.append("  current:  ").append(current.orElse("(none)")).append('\n');
            out.append("  releases:\n");
            for (var r : queries.releasesOnNode()) {
                out.append("    ")
                        .append(r)
                        .append("  schema ")
                        .append(Migration.schemaVersion(queries.migrationsOf(r)))
                        .append(current.filter(r::equals).isPresent() ? "  current" : "")
                        .append(good.contains(r) ? "  good" : "")
                        .append('\n');
            }
            var backups = queries.backups();
            out.append("  backups:")
                    .append(
                            backups.isEmpty()
                                    ? "  none\n"
                                    : "  (restore: deploy backups restore NODE FILE)\n");
            backups.forEach(b -> out.append("    ").append(b).append(" bytes\n"));
            out.append("  service:  ")
                    .append(queries.probe(node.service()).describe())
                    .append('\n');
            var lock = new NodeLock(shell, layout, clock).status();
            out.append("  lock:     ")
                    .append(lock.map(LockHolder::describe).orElse("free"))
                    .append('\n');
            out.append("  last deploys:\n");
            queries.auditTail(5).forEach(l -> out.append("    ").append(l).append('\n'));
            return out.toString();
        }
    }

    /**
     * Switches back to the previous good release (or {@code to}), restarts and health-checks it
     * ({@link RollbackPlan}).
     */
    public NodeResult rollback(
            NodeConfig node,
            Optional<String> to,
            LockHolder me,
            boolean force,
            StepReporter.NodeSteps steps) {
        var plan = RollbackPlan.forNode(node, settings, clock, to, me, force);
        var session = new NodeSession(connector, node);
        return new StepRunner(session, steps, clock, settings.confirmTimeout()).execute(plan);
    }

    /**
     * How {@link #initSecrets} went; {@code recipient} is the node's, present when it went well.
     */
    public record SecretsInitResult(NodeResult node, Optional<String> recipient) {}

    /** The node creates its own age identity unless it has one ({@link SecretsInitPlan}). */
    public SecretsInitResult initSecrets(
            NodeConfig node,
            Release release,
            List<String> migrations,
            LockHolder me,
            StepReporter.NodeSteps steps) {
        var plan = new SecretsInitPlan(release, migrations, me, new DeploySteps(node, clock));
        var session = new NodeSession(connector, node);
        session.release(release.id());
        var result = new StepRunner(session, steps, clock, settings.confirmTimeout()).execute(plan);
        return new SecretsInitResult(result, plan.recipient());
    }

    /** Streams the service's journal; returns journalctl's exit code. */
    public int logs(NodeConfig node, boolean follow, OutputStream out, OutputStream err) {
        try (var host = connector.open(node)) {
            return new NodeShell(host, node.needsSudo())
                    .stream(
                            "journalctl -u "
                                    + NodeLayout.SERVICE
                                    + " -n 200 --no-pager"
                                    + (follow ? " -f" : ""),
                            out,
                            err);
        }
    }

    /** Restores one of the node's pre-migration backups over its database. */
    public String restoreBackup(NodeConfig node, String file) {
        try (var host = connector.open(node)) {
            var script =
                    SchemaScripts.restore(
                            new NodeLayout(node.root()),
                            new SchemaSteps(node, settings).credential(),
                            file);
            return new NodeShell(host, node.needsSudo())
                    .run(script)
                    .orThrow("restoring backup " + file + " on node " + node.name())
                    .stdout()
                    .strip();
        }
    }

    public Optional<LockHolder> lockStatus(NodeConfig node) {
        try (var host = connector.open(node)) {
            return lock(host, node).status();
        }
    }

    public Optional<LockHolder> lockRelease(NodeConfig node) {
        try (var host = connector.open(node)) {
            return lock(host, node).forceRelease();
        }
    }

    private NodeLock lock(dev.homeweb.deploy.ssh.RemoteHost host, NodeConfig node) {
        return new NodeLock(
                new NodeShell(host, node.needsSudo()), new NodeLayout(node.root()), clock);
    }
}
