package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.DeploySettings;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.units.NodeLayout;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code deploy rollback}: the deploy's own switch, import, restart, health and confirm steps,
 * aimed at an older release, unless the database has a migration that release does not know and
 * that is not declared backward compatible (then only with {@code force}). Like a deploy it arms
 * the node's rollback timer first, so a rollback that fails its health check (or loses its
 * deployer) goes back to where it started. Back to a release with the same code (only content
 * differs) it restarts nothing: the server reloads.
 */
record RollbackPlan(
        Optional<String> to,
        boolean force,
        LockHolder holder,
        DeploySteps before,
        SchemaSteps schema,
        SwitchSteps after)
        implements Plan {
    /** The rollback of {@code node}, its steps built from the node and the deploy's settings. */
    static RollbackPlan forNode(
            NodeConfig node,
            DeploySettings settings,
            Clock clock,
            Optional<String> to,
            LockHolder holder,
            boolean force) {
        return new RollbackPlan(
                to,
                force,
                holder,
                new DeploySteps(node, clock),
                new SchemaSteps(node, settings),
                new SwitchSteps(node, settings, clock));
    }

    @Override
    public String action() {
        return "rollback";
    }

    @Override
    public Done run(StepRunner r) {
        r.run(before.preflight(0));
        r.run(before.lock(holder, Duration.ZERO));
        var target = r.run(before.target(to));
        r.run(schema.check(force));
        if (r.run(before.contentOnly(target))) {
            r.run(after.switchTo(target, false));
            r.run(after.importContent(target));
            var probe =
                    r.run(after.reload(target, Optional.of(after.rollBack("health-check-failed"))));
            r.run(after.confirm(target));
            return rolledBack(target, probe);
        }
        r.run(after.switchTo(target, true));
        r.run(after.importContent(target));
        int baseline =
                r.run(
                        after.restart(
                                true,
                                List.of(),
                                Optional.of(after.rollBack("restart-failed")),
                                NodeLayout.SERVICE));
        var probe =
                r.run(
                        after.health(
                                target,
                                baseline,
                                Optional.of(after.rollBack("health-check-failed")),
                                ""));
        r.run(after.confirm(target));
        return rolledBack(target, probe);
    }

    private static Done rolledBack(String target, HealthProbe probe) {
        return new Done(
                Outcome.DEPLOYED,
                "rolled back to " + target + ": " + probe.describe(),
                "rolled-back");
    }
}
