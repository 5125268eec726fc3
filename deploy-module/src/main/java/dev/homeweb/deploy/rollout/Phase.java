package dev.homeweb.deploy.rollout;

/**
 * Where a step stands relative to the switch of {@code current}; a failure's outcome follows from
 * it (see {@link StepRunner#outcome}).
 */
enum Phase {
    /** Nothing that serves has changed yet: a failure leaves the old release serving (exit 1). */
    BEFORE_SWITCH,
    /**
     * What serves has changed and is not confirmed: a failure runs the step's undo (exit 3 if that
     * worked, 4 if it did not or there is none).
     */
    AFTER_SWITCH,
    /**
     * Confirmed: the new release serves for good; a failure leaves bookkeeping unknown (exit 4).
     */
    AFTER_CONFIRM
}
