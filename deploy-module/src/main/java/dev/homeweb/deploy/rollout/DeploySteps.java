package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.release.ReleaseUploader;
import dev.homeweb.deploy.release.ReleaseUploader.UploadPlan;
import dev.homeweb.deploy.secrets.NodeAgent;
import dev.homeweb.deploy.secrets.SecretFiles;
import dev.homeweb.deploy.ssh.ExecResult;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.deploy.units.UnitFile;
import dev.homeweb.node.secrets.SecretChange;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps before the switch, as values: none changes what serves, so a failure in any of them
 * leaves the old release serving (exit 1; the lock's exit 5).
 */
final class DeploySteps {
    private final NodeConfig node;
    private final NodeLayout layout;
    private final Clock clock;

    DeploySteps(NodeConfig node, Clock clock) {
        this.node = node;
        this.layout = new NodeLayout(node.root());
        this.clock = clock;
    }

    /** Connects (strict host key), checks {@code sudo -n}, systemd as PID 1 and disk space. */
    Step<String> preflight(long releaseBytes) {
        return Step.before(
                "preflight",
                session -> {
                    var host = session.open();
                    // Every plan takes the lock next, over a connection of its own: its handshake
                    // overlaps the checks below. Only now, so that with --accept-new-host-key the
                    // host key this connection recorded is the one the lock's must match.
                    session.connectLockAhead();
                    if (node.needsSudo() && !host.exec("sudo -n true").ok()) {
                        throw StepFailed.failed(
                                "sudo -n does not work for "
                                        + host.description()
                                        + "; it needs passwordless sudo without a tty");
                    }
                    requireSpace(
                            freeKilobytes(session.run(ProbeScripts.preflight(layout))),
                            releaseBytes,
                            layout.root());
                    return host.description();
                },
                description -> description);
    }

    /**
     * With {@code https} on: curl on the node, and with {@code acme} an ACME directory the node
     * reaches. Without a stored certificate an unreachable CA fails the deploy here, before
     * anything changed: the server could not order its first certificate and would not serve.
     */
    Step<String> https() {
        var https = node.service().https();
        return Step.before(
                "https",
                Step.Action.script(
                        ProbeScripts.httpsPreflight(https),
                        result -> {
                            if (result.ok()) {
                                return result.stdout().strip();
                            }
                            if (result.exitCode() == 5) {
                                throw StepFailed.failed(
                                        "the node cannot reach the ACME directory "
                                                + https.acmeDirectory()
                                                + " ("
                                                + result.stderr().strip().replace('\n', ' ')
                                                + ") and holds no certificate yet, so the server"
                                                + " could not get one; nothing was changed on the"
                                                + " node. Check the node's outbound HTTPS and"
                                                + " service.acme_directory");
                            }
                            throw StepFailed.failed(result.lastLine());
                        }),
                status ->
                        switch (https.mode()) {
                            case ACME ->
                                    status.startsWith("reachable")
                                            ? "ACME directory " + https.acmeDirectory() + " answers"
                                            : "ACME directory "
                                                    + https.acmeDirectory()
                                                    + " unreachable ("
                                                    + status.substring("unreachable ".length())
                                                    + "); serving the stored certificate, the"
                                                    + " server retries";
                            default -> "curl present";
                        });
    }

    static long freeKilobytes(ExecResult result) {
        return Step.Parser.number(result, "preflight");
    }

    /** A release needs its size plus 64 MB of room. */
    static void requireSpace(long freeKb, long releaseBytes, String root) {
        long neededKb = releaseBytes / 1024 + 64 * 1024;
        if (freeKb < neededKb) {
            throw StepFailed.failed(
                    "not enough disk space under "
                            + root
                            + ": "
                            + freeKb / 1024
                            + " MB free, "
                            + neededKb / 1024
                            + " MB needed");
        }
    }

    /** Takes the node's lock, then reads what serves (only a holder can trust that). */
    Step<String> lock(LockHolder holder, Duration wait) {
        return LockStep.take(node, layout, clock, holder, wait);
    }

    /** Sends what the node's store lacks and assembles the release beside the others. */
    Step<UploadPlan> upload(Release release, List<String> migrations) {
        return Step.before(
                "upload",
                session -> new ReleaseUploader(session.shell(), layout).upload(release, migrations),
                plan ->
                        plan.releasePresent()
                                ? "release " + release.id() + " already on node, sent nothing"
                                : plan.missing().size()
                                        + " file(s), "
                                        + plan.bytes()
                                        + " bytes sent");
    }

    /** The release's agent decrypts every secret on the node and installs the changed ones. */
    Step<List<SecretChange>> secrets(String releaseId) {
        return Step.before(
                "secrets",
                session -> {
                    var sealed = SecretFiles.sealedFor(node);
                    try {
                        return NodeAgent.forRelease(session.shell(), node, layout, releaseId)
                                .apply(sealed);
                    } catch (NodeAgent.SecretsRejected e) {
                        throw StepFailed.failed(e.getMessage() + keepsServing(session));
                    }
                },
                SecretRestarts::describe);
    }

    /** Installs the unit files that differ from the node's; returns those. */
    Step<List<UnitFile>> units(List<UnitFile> files) {
        return Step.before(
                "units",
                session -> {
                    var changed = session.queries().changedFiles(files);
                    if (!changed.isEmpty()) {
                        Step.Parser.ok("installing unit files")
                                .parse(session.run(NodeScripts.install(changed)));
                    }
                    return changed;
                },
                c ->
                        c.isEmpty()
                                ? "unchanged"
                                : c.size()
                                        + " file(s) updated"
                                        + (c.stream().anyMatch(UnitFile::isSystemdUnit)
                                                ? ", daemon-reload"
                                                : ""));
    }

    /**
     * Whether switching from the serving release to {@code next} changes only content (both
     * manifests on the node agree outside {@code content/}) while the server is up: then the
     * running server reloads the import instead of being restarted.
     */
    Step<Boolean> contentOnly(String next) {
        return Step.before(
                "code",
                session -> {
                    var serving = session.previous();
                    if (serving.isEmpty() || serving.get().equals(next)) {
                        return false;
                    }
                    var queries = session.queries();
                    var same =
                            Release.sameCode(
                                    queries.read(layout.release(serving.get()) + "/MANIFEST"),
                                    queries.read(layout.release(next) + "/MANIFEST"));
                    var probe = queries.probe(node.service());
                    return same
                            && probe.ok()
                            && probe.activeState().equals("active")
                            && probe.content().equals(serving);
                },
                same -> same ? "unchanged, only content differs: reload, no restart" : "changed");
    }

    /** Runs the release's migrations with its oneshot unit. */
    Step<Integer> migrate(String releaseId, List<String> migrations) {
        return Step.before(
                "migrate",
                session -> {
                    var result =
                            session.run(
                                    NodeScripts.startOneshot(NodeLayout.migrateUnit(releaseId)));
                    if (!result.ok()) {
                        throw StepFailed.failed(
                                "migration failed, nothing switched, "
                                        + session.previous()
                                                .map(p -> "release " + p + " keeps serving")
                                                .orElse("no release was serving")
                                        + ": "
                                        + result.stderr().strip().replace('\n', ' '));
                    }
                    Step.Parser.ok("recording the applied migrations")
                            .parse(session.run(SchemaScripts.recordMigrations(layout, releaseId)));
                    return migrations.size();
                },
                n -> "applied (" + n + " known)");
    }

    /** For a rollback: {@code to}, or else the newest good release before the current one. */
    Step<String> target(Optional<String> to) {
        return Step.before(
                "target",
                session -> {
                    var queries = session.queries();
                    var target =
                            to.orElseGet(
                                    () -> previousGood(queries.goodReleases(), session.previous()));
                    var onNode = queries.releasesOnNode();
                    if (!onNode.contains(target)) {
                        throw StepFailed.failed(
                                "release " + target + " is not on the node; releases: " + onNode);
                    }
                    session.release(target);
                    return target;
                },
                t -> t);
    }

    static String previousGood(List<String> good, Optional<String> current) {
        var candidates = new ArrayList<>(good);
        current.ifPresent(candidates::remove);
        if (candidates.isEmpty()) {
            throw StepFailed.failed("no previous good release to roll back to");
        }
        return candidates.get(candidates.size() - 1);
    }

    /** The release's agent creates the node's age identity unless it has one. */
    Step<String> identity(String releaseId) {
        return Step.before(
                "identity",
                session -> {
                    try {
                        return NodeAgent.forRelease(session.shell(), node, layout, releaseId)
                                .init();
                    } catch (NodeAgent.SecretsRejected e) {
                        throw StepFailed.failed(e.getMessage());
                    }
                },
                recipient -> "age recipient " + recipient);
    }

    private static String keepsServing(NodeSession session) {
        return session.previous().map(p -> "; release " + p + " keeps serving").orElse("");
    }
}
