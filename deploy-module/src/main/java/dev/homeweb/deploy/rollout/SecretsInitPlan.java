package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.release.Release;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code deploy secrets init NODE}: preflight, lock, upload, identity. The release is uploaded
 * first (not switched to) because the code that generates the key is the release's agent; the
 * private key never leaves the node, and nothing that serves changes.
 */
final class SecretsInitPlan implements Plan {
    private final Release release;
    private final List<String> migrations;
    private final LockHolder me;
    private final DeploySteps steps;
    private Optional<String> recipient = Optional.empty();

    SecretsInitPlan(Release release, List<String> migrations, LockHolder me, DeploySteps steps) {
        this.release = release;
        this.migrations = List.copyOf(migrations);
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
        return new Done(Outcome.UNCHANGED, "age recipient " + recipient.get(), "identity-ready");
    }

    /** The node's recipient, once the plan ran to its end. */
    Optional<String> recipient() {
        return recipient;
    }
}
