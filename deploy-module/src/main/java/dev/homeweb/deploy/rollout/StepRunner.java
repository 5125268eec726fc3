package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.audit.Auditor;
import dev.homeweb.deploy.audit.Auditor.Field;
import dev.homeweb.deploy.config.UserError;
import dev.homeweb.deploy.rollout.StepFailed.Kind;
import dev.homeweb.deploy.ssh.RemoteCommandFailed;
import dev.homeweb.deploy.ssh.SshFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Optional;

/**
 * Runs one {@link Plan} on one node: reports each step with its duration, and when a step fails
 * runs its undo and derives the {@link Outcome} from the step's {@link Phase} and the undo's
 * result. Ends by writing the run's one audit line (if it held the lock), releasing the lock and
 * closing the connection.
 */
final class StepRunner {
    private final NodeSession session;
    private final StepReporter.NodeSteps steps;
    private final Clock clock;
    private final Duration selfRollback;
    private final Instant start;
    private boolean undoing;

    /**
     * @param selfRollback how long the node waits for a confirmation before rolling back by itself
     */
    StepRunner(
            NodeSession session, StepReporter.NodeSteps steps, Clock clock, Duration selfRollback) {
        this.session = session;
        this.steps = steps;
        this.clock = clock;
        this.selfRollback = selfRollback;
        this.start = clock.instant();
    }

    NodeResult execute(Plan plan) {
        try {
            var done = plan.run(this);
            audit(plan, done.result(), Optional.empty());
            return result(done.outcome(), done.message());
        } catch (Stopped stopped) {
            audit(plan, auditResult(stopped.outcome), Optional.of(stopped.step));
            return result(stopped.outcome, stopped.getMessage());
        } finally {
            unlock();
            session.close();
        }
    }

    /** Runs a step; if it fails, stops the plan (after the step's undo, during an undo at once). */
    <T> T run(Step<T> step) {
        try {
            return steps.run(
                    step.name(), () -> step.action().run(session), v -> step.detail().apply(v));
        } catch (RuntimeException e) {
            if (undoing) {
                throw e;
            }
            throw stop(step, typed(e));
        }
    }

    /** The release that served when the run took the lock, which an undo goes back to. */
    Optional<String> previous() {
        return session.previous();
    }

    /** The outcome of a failure: from the phase it happened in, what kind it is, and the undo. */
    static Outcome outcome(Phase phase, Kind kind, Optional<Boolean> undone) {
        return switch (phase) {
            case BEFORE_SWITCH -> kind == Kind.LOCKED ? Outcome.LOCKED : Outcome.FAILED_NO_CHANGE;
            case AFTER_SWITCH ->
                    kind == Kind.UNDONE_BY_NODE || undone.orElse(false)
                            ? Outcome.ROLLED_BACK
                            : Outcome.NEEDS_ATTENTION;
            case AFTER_CONFIRM -> Outcome.NEEDS_ATTENTION;
        };
    }

    private Stopped stop(Step<?> step, StepFailed failure) {
        var message = failure.getMessage();
        Optional<Boolean> undone = Optional.empty();
        if (step.phase() == Phase.AFTER_SWITCH && failure.kind() == Kind.FAILED) {
            if (step.undo().isPresent()) {
                undoing = true;
                try {
                    message += "; " + step.undo().get().run(this);
                    undone = Optional.of(true);
                } catch (RuntimeException e) {
                    message += "; rolling back failed too: " + e.getMessage();
                    undone = Optional.of(false);
                } finally {
                    undoing = false;
                }
            }
        } else if (step.phase() == Phase.AFTER_SWITCH && failure.kind() == Kind.UNREACHABLE) {
            message +=
                    "; unless it was confirmed, the node rolls back by itself within "
                            + selfRollback.toSeconds()
                            + "s";
        } else if (step.phase() == Phase.AFTER_CONFIRM) {
            message =
                    session.release().map(r -> "release " + r).orElse("the release")
                            + " serves and is confirmed, but "
                            + step.name()
                            + " failed: "
                            + message;
        }
        return new Stopped(outcome(step.phase(), failure.kind(), undone), message, step.name());
    }

    /** Types a failure by what it says about the node; the outcome still comes from the phase. */
    private StepFailed typed(RuntimeException e) {
        if (e instanceof StepFailed failed) {
            return failed;
        }
        if (e instanceof SshFailure) {
            session.close();
            return new StepFailed(Kind.UNREACHABLE, e.getMessage(), e);
        }
        if (e instanceof RemoteCommandFailed || e instanceof UserError) {
            return new StepFailed(Kind.FAILED, e.getMessage(), e);
        }
        return new StepFailed(Kind.FAILED, "unexpected: " + e, e);
    }

    private static String auditResult(Outcome outcome) {
        return switch (outcome) {
            case FAILED_NO_CHANGE -> "failed";
            default -> outcome.key().replace('_', '-');
        };
    }

    /** The run's one line in the node's audit log; only a lock holder writes one. */
    private void audit(Plan plan, String result, Optional<String> failedStep) {
        var holder = session.lockedBy();
        if (holder.isEmpty()) {
            return;
        }
        var fields = new EnumMap<Field, String>(Field.class);
        fields.put(Field.NODE, session.node().name());
        fields.put(Field.ACTION, plan.action());
        session.release().ifPresent(r -> fields.put(Field.RELEASE, r));
        fields.put(Field.PREVIOUS, session.previous().orElse("none"));
        fields.put(Field.BY, holder.get().user() + "@" + holder.get().host());
        failedStep.ifPresent(s -> fields.put(Field.STEP, s));
        fields.put(Field.RESULT, result);
        fields.put(
                Field.SECONDS, Long.toString(Duration.between(start, clock.instant()).toSeconds()));
        try {
            reconnectIfClosed();
            session.run(
                            Auditor.appendScript(
                                    Auditor.line(clock.instant(), fields),
                                    session.layout().audit()))
                    .orThrow("writing the audit log");
        } catch (RemoteCommandFailed | SshFailure e) {
            steps.failed("audit", "audit line not written: " + e.getMessage());
        }
    }

    /** Lets the lock go; if this side cannot, the node does once the connection is gone. */
    private void unlock() {
        try {
            session.unlock();
        } catch (RuntimeException e) {
            steps.failed("unlock", "the node frees the lock when the connection ends: " + e);
        }
    }

    private void reconnectIfClosed() {
        if (!session.isOpen()) {
            session.open();
        }
    }

    private NodeResult result(Outcome outcome, String message) {
        return new NodeResult(
                session.node().name(),
                outcome,
                session.release(),
                session.previous(),
                message,
                Duration.between(start, clock.instant()),
                steps.steps());
    }

    /** Ends a plan early: how the node ended up, why, and at which step. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Outcome outcome;
        private final String step;

        Stopped(Outcome outcome, String message, String step) {
            super(message, null, false, false);
            this.outcome = outcome;
            this.step = step;
        }
    }
}
