package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.audit.Auditor;
import dev.homeweb.deploy.audit.Auditor.Field;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.Lease;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.lock.NodeLock;
import dev.homeweb.deploy.lock.NodeLocked;
import dev.homeweb.deploy.units.NodeLayout;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Optional;

/**
 * The lock step: takes the node's lock, and with it what a gone deployer left behind (its lock,
 * said in the audit log, and its unconfirmed switch, rolled back).
 */
final class LockStep {
    private LockStep() {}

    /** Takes the node's lock, then reads what serves (only a holder can trust that). */
    static Step<String> take(
            NodeConfig node, NodeLayout layout, Clock clock, LockHolder holder, Duration wait) {
        return Step.before(
                "lock",
                session -> {
                    Lease lease;
                    try {
                        lease =
                                new NodeLock(session.lockShell(), layout, clock)
                                        .acquire(holder, wait);
                    } catch (NodeLocked e) {
                        throw new StepFailed(StepFailed.Kind.LOCKED, e.getMessage(), e);
                    }
                    session.hold(holder, lease);
                    var notes = new ArrayList<String>();
                    lease.tookOverFrom()
                            .ifPresent(
                                    dead -> {
                                        auditTakeover(session, node, layout, clock, holder, dead);
                                        notes.add("took over from " + dead.describe() + ", gone");
                                    });
                    recoverAbandoned(session).ifPresent(notes::add);
                    session.previous(session.queries().current());
                    return String.join("; ", notes);
                },
                detail ->
                        "held as "
                                + holder.user()
                                + "@"
                                + holder.host()
                                + (detail.isEmpty() ? "" : "; " + detail));
    }

    /**
     * A switch that no one confirmed while this run waited for or took over the lock belongs to a
     * deployer that is gone: the node's own rollback finishes it now (its timer would, later), so
     * this run starts from, and would roll back to, the last confirmed release.
     */
    private static Optional<String> recoverAbandoned(NodeSession session) {
        var result = session.run(NodeScripts.recover(session.layout()));
        if (!result.ok()) {
            throw StepFailed.failed(
                    "rolling back the deploy its deployer left unconfirmed failed: "
                            + result.lastLine());
        }
        return result.stdout().isBlank() ? Optional.empty() : Optional.of(result.lastLine());
    }

    /** The node's audit log says whose lock this deploy took over, and why it could. */
    private static void auditTakeover(
            NodeSession session,
            NodeConfig node,
            NodeLayout layout,
            Clock clock,
            LockHolder me,
            LockHolder dead) {
        var fields = new EnumMap<Field, String>(Field.class);
        fields.put(Field.NODE, node.name());
        fields.put(Field.ACTION, "lock-takeover");
        fields.put(Field.RELEASE, dead.release());
        fields.put(Field.BY, me.user() + "@" + me.host());
        fields.put(
                Field.REASON,
                "holder "
                        + dead.user()
                        + "@"
                        + dead.host()
                        + " pid "
                        + dead.pid()
                        + " since "
                        + dead.since()
                        + " is gone: its connection dropped and the node freed its flock");
        fields.put(Field.RESULT, "taken-over");
        session.run(Auditor.appendScript(Auditor.line(clock.instant(), fields), layout.audit()))
                .orThrow("writing the audit log");
    }
}
