package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.DeploySettings;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.release.Release;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code deploy secrets init NODE}: the node creates its own age identity. The release is uploaded
 * first (not switched to) because the code that generates the key is the release's agent; the
 * private key never leaves the node.
 */
public final class SecretsInit {
    private final NodeConnector connector;
    private final DeploySettings settings;
    private final Clock clock;

    public SecretsInit(NodeConnector connector, DeploySettings settings, Clock clock) {
        this.connector = connector;
        this.settings = settings;
        this.clock = clock;
    }

    /** How it went; {@code recipient} is the node's, present when it went well. */
    public record Result(NodeResult node, Optional<String> recipient) {}

    /** Creates the node's identity unless it has one. */
    public Result init(
            NodeConfig node,
            Release release,
            List<String> migrations,
            LockHolder me,
            StepReporter.NodeSteps steps) {
        var plan = new InitPlan(release, migrations, me, new DeploySteps(node, clock));
        var session = new NodeSession(connector, node);
        session.release(release.id());
        var result = new StepRunner(session, steps, clock, settings.confirmTimeout()).execute(plan);
        return new Result(result, plan.recipient);
    }

    /** preflight, lock, upload, identity: nothing that serves changes. */
    private static final class InitPlan implements Plan {
        private final Release release;
        private final List<String> migrations;
        private final LockHolder me;
        private final DeploySteps steps;
        private Optional<String> recipient = Optional.empty();

        InitPlan(Release release, List<String> migrations, LockHolder me, DeploySteps steps) {
            this.release = release;
            this.migrations = migrations;
            this.me = me;
            this.steps = steps;
        }

        @Override
        public String action() {
            return "secrets-init";
        }

        @Override
        public Done run(StepRunner r) {
            r.run(steps.preflight(release.totalBytes()));
            r.run(steps.lock(me, Duration.ZERO));
            r.run(steps.upload(release, migrations));
            recipient = Optional.of(r.run(steps.identity(release.id())));
            return new Done(
                    Outcome.UNCHANGED, "age recipient " + recipient.get(), "identity-ready");
        }
    }
}
