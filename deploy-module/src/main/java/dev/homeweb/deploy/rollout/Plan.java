package dev.homeweb.deploy.rollout;

import java.util.Objects;

/**
 * What one command does on one node, as steps run in order by a {@link StepRunner} (branches are
 * plain code). A plan only says how it ends when all went well; the runner decides the rest.
 */
interface Plan {
    /** The audit log's {@code action=}: deploy, rollback, secrets-init. */
    String action();

    Done run(StepRunner runner);

    /** A plan that ran to its end: the outcome, the summary message, the audit {@code result=}. */
    record Done(Outcome outcome, String message, String result) {
        public Done {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(result, "result");
            if (outcome.exitCode() != 0) {
                throw new IllegalArgumentException("a plan ends well or not at all: " + outcome);
            }
        }
    }
}
