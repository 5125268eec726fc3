package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.DeploySettings;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.units.UnitFileRenderer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Deploys one release to one node ({@link DeployPlan} run by a {@link StepRunner}) and says
 * honestly where the node ended up: failures before the switch leave the old release serving;
 * failures after it roll back (here, or by the node's own timer if this process cannot finish).
 */
public record NodeDeployer(
        NodeConnector connector,
        UnitFileRenderer renderer,
        DeploySettings settings,
        Clock clock,
        LockHolder me,
        Duration lockWait) {
    public NodeResult deploy(
            NodeConfig node,
            Release release,
            List<String> migrations,
            StepReporter.NodeSteps steps) {
        var holder = new LockHolder(me.user(), me.host(), me.pid(), me.since(), release.id());
        var plan =
                new DeployPlan(
                        node,
                        release,
                        migrations,
                        renderer.render(node),
                        holder,
                        lockWait,
                        new DeploySteps(node, clock),
                        new SchemaSteps(node, settings),
                        new SwitchSteps(node, settings, clock));
        var session = new NodeSession(connector, node);
        session.release(release.id());
        return new StepRunner(session, steps, clock, settings.confirmTimeout()).execute(plan);
    }
}
