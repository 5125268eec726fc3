package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.lock.NodeLock;
import dev.homeweb.deploy.lock.NodeLocked;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.ssh.RemoteHost;
import dev.homeweb.deploy.units.NodeLayout;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The day-two commands on one node: status, rollback, logs and the lock. */
public final class NodeAdmin {
    private final NodeConnector connector;
    private final Clock clock;
    private final Duration healthTimeout;

    public NodeAdmin(NodeConnector connector, Clock clock, Duration healthTimeout) {
        this.connector = connector;
        this.clock = clock;
        this.healthTimeout = healthTimeout;
    }

    /** A readable status report. */
    public String status(NodeConfig node) {
        try (var host = connector.open(node)) {
            var commands = commands(host, node);
            var current = commands.current();
            var good = commands.goodReleases();
            var out = new StringBuilder();
            out.append("node ")
                    .append(node.name())
                    .append(" (")
                    .append(host.description())
                    .append(")\n");
            out.append("  current:  ").append(current.orElse("(none)")).append('\n');
            out.append("  releases:\n");
            for (var r : commands.releasesOnNode()) {
                out.append("    ")
                        .append(r)
                        .append(current.filter(r::equals).isPresent() ? "  current" : "")
                        .append(good.contains(r) ? "  good" : "")
                        .append('\n');
            }
            var probe = commands.probe(node.service());
            out.append("  service:  ").append(probe.describe()).append('\n');
            var lock = new NodeLock(commands.shell(), new NodeLayout(node.root()), clock).status();
            out.append("  lock:     ")
                    .append(lock.map(LockHolder::describe).orElse("free"))
                    .append('\n');
            out.append("  last deploys:\n");
            var audit =
                    commands.shell()
                            .run(
                                    "if [ -f %1$s ]; then tail -n 5 %1$s; fi\n"
                                            .formatted(new NodeLayout(node.root()).audit()))
                            .stdout();
            audit.lines().forEach(l -> out.append("    ").append(l).append('\n'));
            return out.toString();
        }
    }

    /**
     * Switches back to the previous good release (or {@code to}), restarts and health-checks it.
     */
    public NodeResult rollback(
            NodeConfig node, Optional<String> to, LockHolder me, StepReporter.NodeSteps steps) {
        var start = clock.instant();
        var layout = new NodeLayout(node.root());
        Optional<String> current = Optional.empty();
        String target = to.orElse("?");
        try (var host = connector.open(node)) {
            var commands = commands(host, node);
            var lock = new NodeLock(commands.shell(), layout, clock);
            try {
                steps.run(
                        "lock",
                        () -> {
                            lock.acquire(me, Duration.ZERO);
                            return null;
                        },
                        x -> "held");
            } catch (NodeLocked e) {
                return new NodeResult(
                        node.name(),
                        Outcome.LOCKED,
                        to,
                        current,
                        e.getMessage(),
                        Duration.between(start, clock.instant()),
                        steps.steps());
            }
            try {
                current = commands.current();
                var cur = current;
                target = to.orElseGet(() -> previousGood(commands, cur));
                var chosen = target;
                if (!commands.releasesOnNode().contains(chosen)) {
                    return new NodeResult(
                            node.name(),
                            Outcome.FAILED_NO_CHANGE,
                            Optional.of(chosen),
                            current,
                            "release "
                                    + chosen
                                    + " is not on the node; releases: "
                                    + commands.releasesOnNode(),
                            Duration.between(start, clock.instant()),
                            steps.steps());
                }
                steps.run(
                        "switch",
                        () -> {
                            commands.switchTo(chosen);
                            return null;
                        },
                        x -> cur.orElse("(none)") + " -> " + chosen);
                steps.run(
                        "import",
                        () -> commands.startOneshot(NodeLayout.IMPORT).orThrow("content import"),
                        r -> "content of " + chosen);
                int baseline =
                        steps.run(
                                "restart",
                                () -> commands.restart(List.of()),
                                n -> NodeLayout.SERVICE);
                var probe =
                        steps.run(
                                "health",
                                () -> awaitHealthy(commands, node, chosen, baseline),
                                HealthProbe::describe);
                commands.audit(
                        clock.instant()
                                + " node="
                                + node.name()
                                + " action=rollback release="
                                + chosen
                                + " previous="
                                + cur.orElse("none")
                                + " by="
                                + me.user()
                                + "@"
                                + me.host()
                                + " result=rolled-back");
                return new NodeResult(
                        node.name(),
                        Outcome.DEPLOYED,
                        Optional.of(chosen),
                        current,
                        "rolled back to " + chosen + ": " + probe.describe(),
                        Duration.between(start, clock.instant()),
                        steps.steps());
            } catch (RuntimeException e) {
                return new NodeResult(
                        node.name(),
                        Outcome.NEEDS_ATTENTION,
                        Optional.of(target),
                        current,
                        e.getMessage(),
                        Duration.between(start, clock.instant()),
                        steps.steps());
            } finally {
                lock.release(me);
            }
        }
    }

    private static String previousGood(NodeCommands commands, Optional<String> current) {
        var good = new ArrayList<>(commands.goodReleases());
        current.ifPresent(good::remove);
        if (good.isEmpty()) {
            throw new DeployFailed(
                    Outcome.FAILED_NO_CHANGE, "no previous good release to roll back to");
        }
        return good.get(good.size() - 1);
    }

    private HealthProbe awaitHealthy(
            NodeCommands commands, NodeConfig node, String id, int baseline) {
        var last =
                new HealthGate(clock, healthTimeout).await(commands, node.service(), id, baseline);
        if (!last.healthyAs(id, baseline)) {
            throw new DeployFailed(
                    Outcome.NEEDS_ATTENTION,
                    "release " + id + " is not healthy: " + last.describe());
        }
        return last;
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

    public Optional<LockHolder> lockStatus(NodeConfig node) {
        try (var host = connector.open(node)) {
            return new NodeLock(commands(host, node).shell(), new NodeLayout(node.root()), clock)
                    .status();
        }
    }

    public Optional<LockHolder> lockRelease(NodeConfig node) {
        try (var host = connector.open(node)) {
            return new NodeLock(commands(host, node).shell(), new NodeLayout(node.root()), clock)
                    .forceRelease();
        }
    }

    private static NodeCommands commands(RemoteHost host, NodeConfig node) {
        return new NodeCommands(new NodeShell(host, node.needsSudo()), new NodeLayout(node.root()));
    }
}
