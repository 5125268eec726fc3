package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.deploy.units.UnitFile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code deploy}: preflight (and https with {@code service.https} on), lock, upload, secrets,
 * units, backup, migrate, switch, import, restart, health, confirm, finalize. Three shortcuts after
 * the units: the same release with nothing changed is left alone, a secret-only change restarts
 * just the units that use it, and a change of content only (same code, units and server secrets)
 * restarts nothing: the running server reloads.
 */
record DeployPlan(
        NodeConfig node,
        Release release,
        List<String> migrations,
        List<UnitFile> units,
        LockHolder holder,
        Duration lockWait,
        DeploySteps before,
        SchemaSteps schema,
        SwitchSteps after)
        implements Plan {
    DeployPlan {
        migrations = List.copyOf(migrations);
        units = List.copyOf(units);
    }

    @Override
    public String action() {
        return "deploy";
    }

    @Override
    public Done run(StepRunner r) {
        var id = release.id();
        r.run(before.preflight(release.totalBytes()));
        if (node.service().https().enabled()) {
            r.run(before.https());
        }
        r.run(before.lock(holder, lockWait));
        r.run(before.upload(release, migrations));
        var restarts = SecretRestarts.of(node, r.run(before.secrets(id)));
        var changedUnits = r.run(before.units(units));
        if (r.previous().filter(id::equals).isPresent() && changedUnits.isEmpty()) {
            if (restarts.anyChange()) {
                return rotate(r, restarts);
            }
            var probe = r.run(after.probe());
            if (probe.servesContentOf(id, probe.restarts())) {
                return new Done(
                        Outcome.UNCHANGED,
                        "release " + id + " already serving, nothing to do",
                        "unchanged");
            }
        }
        // Secrets the server reads, or units, changed: it restarts whatever the release.
        boolean contentOnly =
                !restarts.units().contains(NodeLayout.SERVICE)
                        && changedUnits.isEmpty()
                        && r.run(before.contentOnly(id));
        if (contentOnly) {
            // The same server jar: its migrations are the ones applied for the serving release.
            r.run(after.switchTo(id, false));
            r.run(after.importContent(id));
            r.run(after.reload(id, Optional.of(after.rollBack("health-check-failed"))));
            return confirmed(r, id);
        }
        r.run(schema.backup(id, migrations));
        r.run(before.migrate(id, migrations));
        r.run(after.switchTo(id, true));
        r.run(after.importContent(id));
        int baseline =
                r.run(
                        after.restart(
                                true,
                                restarts.unitsBesides(NodeLayout.SERVICE),
                                Optional.of(after.rollBack("restart-failed")),
                                restarts.describeRestart(NodeLayout.SERVICE, true)));
        r.run(after.health(id, baseline, Optional.of(after.rollBack("health-check-failed")), ""));
        return confirmed(r, id);
    }

    private Done confirmed(StepRunner r, String id) {
        r.run(after.confirm(id));
        r.run(after.finalizeRelease(id));
        return new Done(Outcome.DEPLOYED, "release " + id + " serving", "deployed");
    }

    /**
     * Same release and units, only secrets changed: restart just the units that use a changed
     * secret, and prove the server healthy if it was one of them. The old values are gone, so a
     * failure here cannot be undone.
     */
    private Done rotate(StepRunner r, SecretRestarts restarts) {
        var restart = restarts.units();
        boolean server = restart.contains(NodeLayout.SERVICE);
        if (!restart.isEmpty()) {
            int baseline =
                    r.run(
                            after.restart(
                                    server,
                                    server ? restarts.unitsBesides(NodeLayout.SERVICE) : restart,
                                    Optional.empty(),
                                    String.join(" ", restart)));
            if (server) {
                r.run(
                        after.health(
                                release.id(),
                                baseline,
                                Optional.empty(),
                                " with the new secret values; fix the secret and deploy again"));
            }
        }
        return new Done(
                Outcome.DEPLOYED,
                "release "
                        + release.id()
                        + " serving; secrets: "
                        + String.join(", ", restarts.changed())
                        + (restart.isEmpty()
                                ? "; nothing to restart"
                                : "; restarted "
                                        + restarts.describeRestart(NodeLayout.SERVICE, server)),
                "rotated");
    }
}
