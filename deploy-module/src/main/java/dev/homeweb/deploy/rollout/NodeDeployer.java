package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.DeploySettings;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.lock.NodeLock;
import dev.homeweb.deploy.lock.NodeLocked;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.release.ReleaseUploader;
import dev.homeweb.deploy.secrets.NodeAgent;
import dev.homeweb.deploy.secrets.SecretFiles;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.ssh.RemoteHost;
import dev.homeweb.deploy.ssh.SshFailure;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.deploy.units.UnitFileRenderer;
import dev.homeweb.node.secrets.SealedSecret;
import dev.homeweb.node.secrets.SecretChange;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Deploys one release to one node, step by step, and says honestly where the node ended up:
 * failures before the switch leave the old release serving; failures after it roll back (here, or
 * by the node's own timer if this process cannot finish).
 */
public final class NodeDeployer {
    private final NodeConnector connector;
    private final UnitFileRenderer renderer;
    private final DeploySettings settings;
    private final Clock clock;
    private final LockHolder me;
    private final Duration lockWait;

    public NodeDeployer(
            NodeConnector connector,
            UnitFileRenderer renderer,
            DeploySettings settings,
            Clock clock,
            LockHolder me,
            Duration lockWait) {
        this.connector = connector;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
        this.me = me;
        this.lockWait = lockWait;
    }

    public NodeResult deploy(
            NodeConfig node,
            Release release,
            List<String> migrations,
            StepReporter.NodeSteps steps) {
        return new Run(node, release, migrations, steps).execute();
    }

    /** The state of one node's deploy while it runs. */
    private final class Run {
        final NodeConfig node;
        final Release release;
        final List<String> migrations;
        final StepReporter.NodeSteps steps;
        final NodeLayout layout;
        final LockHolder holder;
        final java.time.Instant start;
        Optional<String> previous = Optional.empty();
        RemoteHost host;
        NodeCommands commands;
        boolean locked;
        String message = "";

        Run(
                NodeConfig node,
                Release release,
                List<String> migrations,
                StepReporter.NodeSteps steps) {
            this.node = node;
            this.release = release;
            this.migrations = migrations;
            this.steps = steps;
            this.layout = new NodeLayout(node.root());
            this.holder = new LockHolder(me.user(), me.host(), me.pid(), me.since(), release.id());
            this.start = clock.instant();
        }

        NodeResult execute() {
            try {
                var outcome = steps();
                return result(outcome, message);
            } catch (DeployFailed e) {
                return result(e.outcome(), e.getMessage());
            } catch (SshFailure e) {
                return result(
                        Outcome.NEEDS_ATTENTION,
                        e.getMessage() + "; if the switch happened, the node rolls back by itself");
            } catch (RuntimeException e) {
                return result(Outcome.NEEDS_ATTENTION, "unexpected: " + e);
            } finally {
                unlock();
                if (host != null) {
                    host.close();
                }
            }
        }

        private Outcome steps() {
            host = steps.run("preflight", this::connect, h -> h.description());
            steps.run("lock", this::lock, x -> "held as " + holder.user() + "@" + holder.host());
            previous = commands.current();
            var upload =
                    steps.run(
                            "upload",
                            () -> uploader().upload(release, migrations),
                            p ->
                                    p.releasePresent()
                                            ? "release "
                                                    + release.id()
                                                    + " already on node, sent nothing"
                                            : p.missing().size()
                                                    + " file(s), "
                                                    + p.bytes()
                                                    + " bytes sent");
            var secretChanges =
                    steps.run("secrets", this::installSecrets, SecretRestarts::describe);
            var restarts = SecretRestarts.of(node, secretChanges);
            var changedUnits =
                    steps.run(
                            "units",
                            () -> {
                                var changed = commands.changedFiles(renderer.render(node));
                                commands.install(changed);
                                return changed;
                            },
                            c ->
                                    c.isEmpty()
                                            ? "unchanged"
                                            : c.size() + " file(s) updated, daemon-reload");
            boolean sameRelease = previous.filter(release.id()::equals).isPresent();
            if (sameRelease && changedUnits.isEmpty() && restarts.anyChange()) {
                return rotateSecrets(restarts);
            }
            if (sameRelease && changedUnits.isEmpty()) {
                var probe = commands.probe(node.service());
                if (probe.healthyAs(release.id(), probe.restarts())) {
                    steps.note("health", probe.describe());
                    commands.audit(audit("deploy", "unchanged"));
                    message = "release " + release.id() + " already serving, nothing to do";
                    return Outcome.UNCHANGED;
                }
            }
            steps.run("migrate", this::migrate, x -> "applied (" + migrations.size() + " known)");
            steps.run(
                    "switch",
                    this::switchRelease,
                    x -> previous.orElse("(none)") + " -> " + release.id());
            steps.run("import", this::importContent, x -> "content of " + release.id());
            var others = restarts.unitsBesides(NodeLayout.SERVICE);
            int baseline =
                    steps.run(
                            "restart",
                            () -> commands.restart(others),
                            n -> restarts.describeRestart(NodeLayout.SERVICE, true));
            steps.run("health", () -> awaitHealthy(release.id(), baseline), HealthProbe::describe);
            host.close();
            host = null;
            steps.run(
                    "confirm",
                    this::confirm,
                    x -> "over a fresh connection; rollback timer stopped");
            steps.run(
                    "finalize",
                    () ->
                            commands.finalizeRelease(
                                    release.id(),
                                    settings.keepReleases(),
                                    audit("deploy", "deployed")),
                    n -> "marked good, pruned " + n + " old release(s)");
            message = "release " + release.id() + " serving";
            return Outcome.DEPLOYED;
        }

        private RemoteHost connect() {
            RemoteHost opened;
            try {
                opened = connector.open(node);
            } catch (SshFailure e) {
                throw new DeployFailed(Outcome.FAILED_NO_CHANGE, e.getMessage(), e);
            }
            try {
                if (node.needsSudo() && !opened.exec("sudo -n true").ok()) {
                    throw new DeployFailed(
                            Outcome.FAILED_NO_CHANGE,
                            "sudo -n does not work for "
                                    + opened.description()
                                    + "; it needs passwordless sudo without a tty");
                }
                commands = new NodeCommands(new NodeShell(opened, node.needsSudo()), layout);
                commands.preflight(release.totalBytes());
                return opened;
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }

        private Void lock() {
            try {
                new NodeLock(commands.shell(), layout, clock).acquire(holder, lockWait);
                locked = true;
                return null;
            } catch (NodeLocked e) {
                throw new DeployFailed(Outcome.LOCKED, e.getMessage(), e);
            }
        }

        private ReleaseUploader uploader() {
            return new ReleaseUploader(commands.shell(), layout);
        }

        private List<SecretChange> installSecrets() {
            List<SealedSecret> sealed;
            try {
                sealed = node.secrets().stream().map(SecretFiles::seal).toList();
            } catch (IllegalArgumentException e) {
                throw new DeployFailed(Outcome.FAILED_NO_CHANGE, e.getMessage(), e);
            }
            try {
                return agent().apply(sealed);
            } catch (NodeAgent.SecretsRejected e) {
                throw new DeployFailed(
                        Outcome.FAILED_NO_CHANGE,
                        e.getMessage()
                                + previous.map(p -> "; release " + p + " keeps serving").orElse(""),
                        e);
            }
        }

        private NodeAgent agent() {
            return NodeAgent.forRelease(commands.shell(), node, layout, release.id());
        }

        /**
         * Same release and units, only secrets changed: restart just the units that use a changed
         * secret, and prove the server healthy if it was one of them.
         */
        private Outcome rotateSecrets(SecretRestarts restarts) {
            var units = restarts.units();
            boolean server = units.contains(NodeLayout.SERVICE);
            if (!units.isEmpty()) {
                var others = restarts.unitsBesides(NodeLayout.SERVICE);
                int baseline =
                        steps.run(
                                "restart",
                                () ->
                                        server
                                                ? commands.restart(others)
                                                : commands.tryRestart(units),
                                n -> String.join(" ", units));
                if (server) {
                    var last =
                            steps.run(
                                    "health",
                                    () ->
                                            new HealthGate(clock, settings.healthTimeout())
                                                    .await(
                                                            commands,
                                                            node.service(),
                                                            release.id(),
                                                            baseline),
                                    HealthProbe::describe);
                    if (!last.healthyAs(release.id(), baseline)) {
                        commands.audit(audit("secrets", "unhealthy"));
                        throw new DeployFailed(
                                Outcome.NEEDS_ATTENTION,
                                "release "
                                        + release.id()
                                        + " is not healthy with the new secret values ("
                                        + last.describe()
                                        + "); fix the secret and deploy again");
                    }
                }
            }
            commands.audit(audit("secrets", "rotated"));
            message =
                    "release "
                            + release.id()
                            + " serving; secrets: "
                            + String.join(", ", restarts.changed())
                            + (units.isEmpty()
                                    ? "; nothing to restart"
                                    : "; restarted "
                                            + restarts.describeRestart(NodeLayout.SERVICE, server));
            return Outcome.DEPLOYED;
        }

        private Void migrate() {
            var result = commands.startOneshot(NodeLayout.migrateUnit(release.id()));
            if (!result.ok()) {
                commands.audit(audit("deploy", "migration-failed"));
                throw new DeployFailed(
                        Outcome.FAILED_NO_CHANGE,
                        "migration failed, nothing switched, "
                                + previous.map(p -> "release " + p + " keeps serving")
                                        .orElse("no release was serving")
                                + ": "
                                + result.stderr().strip().replace('\n', ' '));
            }
            return null;
        }

        private Void switchRelease() {
            commands.armRollback(release.id(), previous);
            commands.switchTo(release.id());
            return null;
        }

        private Void importContent() {
            var result = commands.startOneshot(NodeLayout.IMPORT);
            if (!result.ok()) {
                rollBack("import-failed", "content import failed: " + result.lastLine());
            }
            return null;
        }

        private HealthProbe awaitHealthy(String id, int baseline) {
            var last =
                    new HealthGate(clock, settings.healthTimeout())
                            .await(commands, node.service(), id, baseline);
            if (last.healthyAs(id, baseline)) {
                return last;
            }
            if (id.equals(release.id())) {
                rollBack(
                        "health-check-failed",
                        "release " + id + " is not healthy: " + last.describe());
            }
            throw new DeployFailed(
                    Outcome.NEEDS_ATTENTION,
                    "release " + id + " is not healthy after rollback: " + last.describe());
        }

        /** Rolls back now through the node's own script, then proves the old release serves. */
        private void rollBack(String reason, String why) {
            var result =
                    steps.run("rollback", () -> commands.rollbackNow(reason), r -> r.lastLine());
            if (!result.ok() || previous.isEmpty()) {
                throw new DeployFailed(
                        previous.isEmpty() && result.ok()
                                ? Outcome.ROLLED_BACK
                                : Outcome.NEEDS_ATTENTION,
                        why + "; " + result.lastLine());
            }
            var old = previous.get();
            var probe = commands.probe(node.service());
            steps.run("health", () -> awaitHealthy(old, probe.restarts()), HealthProbe::describe);
            throw new DeployFailed(
                    Outcome.ROLLED_BACK, why + "; rolled back to " + old + ", which is serving");
        }

        private Void confirm() {
            RemoteHost fresh;
            try {
                fresh = connector.open(node);
            } catch (SshFailure e) {
                throw new DeployFailed(
                        Outcome.NEEDS_ATTENTION,
                        "cannot reach the node again to confirm ("
                                + e.getMessage()
                                + "); it rolls back by itself within "
                                + settings.confirmTimeout().toSeconds()
                                + "s");
            }
            host = fresh;
            commands = new NodeCommands(new NodeShell(fresh, node.needsSudo()), layout);
            if (!commands.confirm(release.id())) {
                throw new DeployFailed(
                        Outcome.ROLLED_BACK,
                        "the node rolled back by itself before the confirmation arrived");
            }
            return null;
        }

        private void unlock() {
            if (!locked) {
                return;
            }
            try {
                if (host == null) {
                    host = connector.open(node);
                    commands = new NodeCommands(new NodeShell(host, node.needsSudo()), layout);
                }
                new NodeLock(commands.shell(), layout, clock).release(holder);
                locked = false;
            } catch (RuntimeException e) {
                steps.failed("unlock", "lock left in place: " + e.getMessage());
            }
        }

        private String audit(String action, String result) {
            return clock.instant()
                    + " node="
                    + node.name()
                    + " action="
                    + action
                    + " release="
                    + release.id()
                    + " previous="
                    + previous.orElse("none")
                    + " by="
                    + holder.user()
                    + "@"
                    + holder.host()
                    + " result="
                    + result
                    + " seconds="
                    + Duration.between(start, clock.instant()).toSeconds();
        }

        private NodeResult result(Outcome outcome, String message) {
            return new NodeResult(
                    node.name(),
                    outcome,
                    Optional.of(release.id()),
                    previous,
                    message,
                    Duration.between(start, clock.instant()),
                    steps.steps());
        }
    }
}
