package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.DeploySettings;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.ssh.ExecResult;
import dev.homeweb.deploy.ssh.SshFailure;
import dev.homeweb.deploy.units.NodeLayout;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The switch and the steps after it, as values, and their undo: the node's own rollback script,
 * then a health check of the release it went back to.
 */
final class SwitchSteps {
    private final NodeConfig node;
    private final NodeLayout layout;
    private final DeploySettings settings;
    private final Clock clock;

    SwitchSteps(NodeConfig node, DeploySettings settings, Clock clock) {
        this.node = node;
        this.layout = new NodeLayout(node.root());
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Arms the node's rollback timer, then points {@code current} at {@code release}. {@code
     * restarts} says whether the deploy restarts the server (no: only content changed), and so
     * whether a rollback must.
     */
    Step<String> switchTo(String release, boolean restarts) {
        return Step.after(
                "switch",
                session -> {
                    Step.Parser.ok("switching current to " + release)
                            .parse(
                                    session.run(
                                            NodeScripts.switchTo(
                                                    layout,
                                                    release,
                                                    session.previous(),
                                                    restarts)));
                    return session.previous().orElse("(none)") + " -> " + release;
                },
                detail -> detail,
                rollBack("switch-failed"));
    }

    /**
     * What the app's {@code import} starts each draft's line with, then the draft's file and its
     * preview URL: the contract with {@code ImportCommand.PREVIEW_LINE} in the app.
     */
    static final String PREVIEW_LINE = "  preview of ";

    /** Loads the release's content into the database; returns the drafts' preview lines. */
    Step<List<String>> importContent(String release) {
        return Step.after(
                "import",
                Step.Action.script(
                        NodeScripts.startOneshotPrinting(NodeLayout.IMPORT, PREVIEW_LINE),
                        SwitchSteps::previews),
                previews ->
                        "content of "
                                + release
                                + (previews.isEmpty()
                                        ? ""
                                        : "; draft " + String.join(", draft ", previews)),
                rollBack("import-failed"));
    }

    /** The preview lines the import printed, each as "preview of FILE URL". */
    static List<String> previews(ExecResult result) {
        if (!result.ok()) {
            throw StepFailed.failed("content import failed: " + result.lastLine());
        }
        return result.stdout()
                .lines()
                .filter(line -> line.startsWith(PREVIEW_LINE))
                .map(String::strip)
                .toList();
    }

    /**
     * Restarts the server (if {@code server}) and the running ones of {@code others}; returns the
     * server's restart counter, the health check's baseline. Without {@code undo} nothing can put
     * the node back (a secret-only change).
     */
    Step<Integer> restart(
            boolean server, List<String> others, Optional<Step.Undo> undo, String detail) {
        return new Step<>(
                "restart",
                Phase.AFTER_SWITCH,
                Step.Action.script(NodeScripts.restart(server, others), SwitchSteps::restarts),
                n -> detail,
                undo);
    }

    static int restarts(ExecResult result) {
        return Math.toIntExact(Step.Parser.number(result, "restarting"));
    }

    /** Waits for {@code /healthz} to answer as {@code release}, active and not restarted. */
    Step<HealthProbe> health(
            String release, int baseline, Optional<Step.Undo> undo, String advice) {
        return new Step<>(
                "health",
                Phase.AFTER_SWITCH,
                session -> awaitHealthy(session, release, baseline, advice),
                HealthProbe::describe,
                undo);
    }

    /** The server as it is now, for a deploy that may have nothing to do. */
    Step<HealthProbe> probe() {
        return Step.before(
                "health",
                session -> session.queries().probe(node.service()),
                HealthProbe::describe);
    }

    /**
     * Only content changed: the running server reloads what the import announced, and {@code
     * /healthz} must name the release's content with the server neither restarted nor replaced.
     */
    Step<HealthProbe> reload(String release, Optional<Step.Undo> undo) {
        return new Step<>(
                "reload",
                Phase.AFTER_SWITCH,
                session -> {
                    int baseline = session.queries().probe(node.service()).restarts();
                    return awaitContent(session, release, baseline, "");
                },
                p -> "same server, " + p.describe(),
                undo);
    }

    private HealthProbe awaitHealthy(
            NodeSession session, String release, int baseline, String advice) {
        return await(session, p -> p.healthyAs(release, baseline), baseline, release, advice);
    }

    private HealthProbe awaitContent(
            NodeSession session, String release, int baseline, String advice) {
        return await(session, p -> p.servesContentOf(release, baseline), baseline, release, advice);
    }

    private HealthProbe await(
            NodeSession session,
            java.util.function.Predicate<HealthProbe> passes,
            int baseline,
            String release,
            String advice) {
        var queries = session.queries();
        var last =
                new HealthGate(clock, settings.healthTimeout())
                        .await(() -> queries.probe(node.service()), passes, baseline);
        if (!passes.test(last)) {
            throw StepFailed.failed(
                    "release " + release + " is not healthy" + advice + ": " + last.describe());
        }
        return last;
    }

    /**
     * After a rollback: the content of the release gone back to is served, counted from its restart
     * now (a rollback of a content-only change restarts nothing, so the running code may be older).
     */
    private Step<HealthProbe> healthAgain(String release) {
        return Step.afterWithoutUndo(
                "health",
                session -> {
                    int baseline = session.queries().probe(node.service()).restarts();
                    return awaitContent(session, release, baseline, " after rollback");
                },
                HealthProbe::describe);
    }

    /** Over a fresh connection (the old one may be what broke): stops the rollback timer. */
    Step<String> confirm(String release) {
        return Step.after(
                "confirm",
                session -> {
                    try {
                        session.open();
                    } catch (SshFailure e) {
                        throw new StepFailed(
                                StepFailed.Kind.UNREACHABLE,
                                "cannot reach the node again to confirm (" + e.getMessage() + ")",
                                e);
                    }
                    var result = session.run(NodeScripts.confirm(layout, release));
                    Step.Parser.ok("confirming the deploy").parse(result);
                    if (!result.stdout().contains("confirmed")) {
                        throw new StepFailed(
                                StepFailed.Kind.UNDONE_BY_NODE,
                                "the node's rollback timer fired before the confirmation arrived: "
                                        + session.previous()
                                                .map(p -> "rolled back to " + p)
                                                .orElse("server stopped, no release before"));
                    }
                    return release;
                },
                r -> "over a fresh connection; rollback timer stopped",
                rollBack("confirm-failed"));
    }

    /** Marks the release good and prunes old releases and unused store files. */
    Step<String> finalizeRelease(String release) {
        return Step.confirmed(
                "finalize",
                Step.Action.script(
                        NodeScripts.finalizeRelease(layout, release, settings.keepReleases()),
                        result -> {
                            Step.Parser.ok("finalizing the release").parse(result);
                            return result.stdout().strip();
                        }),
                n -> "marked good, pruned " + n + " old release(s)");
    }

    /**
     * The undo of every step after the switch: the node's rollback script (the one its timer runs)
     * switches back to the release recorded in {@code state/pending} and restarts it; then that
     * release must prove healthy.
     */
    Step.Undo rollBack(String reason) {
        return runner -> {
            var script =
                    runner.run(
                            Step.afterWithoutUndo(
                                    "rollback",
                                    Step.Action.script(
                                            NodeScripts.rollbackNow(layout, reason),
                                            result -> {
                                                Step.Parser.ok("the node's rollback script")
                                                        .parse(result);
                                                return result.lastLine();
                                            }),
                                    line -> line));
            var old = runner.previous();
            if (old.isEmpty()) {
                return script;
            }
            runner.run(healthAgain(old.get()));
            return "rolled back to " + old.get() + ", which is serving";
        };
    }
}
