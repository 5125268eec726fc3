package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.ssh.ExecResult;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One step of a plan, as a value: its name (as the step lines print it), its {@link Phase}, what it
 * does on the node (usually one script from {@link NodeScripts} and a parser of its result), how
 * its result reads in the step line, and its undo for a failure after the switch.
 */
record Step<T>(
        String name,
        Phase phase,
        Action<T> action,
        Function<? super T, String> detail,
        Optional<Undo> undo) {
    Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(undo, "undo");
        if (undo.isPresent() && phase != Phase.AFTER_SWITCH) {
            throw new IllegalArgumentException(
                    "step " + name + ": only a step after the switch has an undo");
        }
    }

    /** What a step does over the node's session; throws {@link StepFailed} when it cannot. */
    @FunctionalInterface
    interface Action<T> {
        T run(NodeSession session);

        /** Runs one script and parses what it printed. */
        static <T> Action<T> script(String script, Parser<T> parser) {
            return session -> parser.parse(session.run(script));
        }
    }

    /** Reads a script's result; throws {@link StepFailed} for a failed or unreadable one. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(ExecResult result);

        /** Exit 0 and one non-negative number printed, as {@code df} or {@code systemctl} do. */
        static long number(ExecResult result, String what) {
            ok(what).parse(result);
            var text = result.stdout().strip();
            if (!text.matches("[0-9]{1,18}")) {
                throw StepFailed.failed(what + " printed no number: '" + text + "'");
            }
            return Long.parseLong(text);
        }

        /** Exit 0, nothing to read. */
        static Parser<Void> ok(String what) {
            return result -> {
                if (!result.ok()) {
                    throw StepFailed.failed(what + " failed: " + result.lastLine());
                }
                return null;
            };
        }
    }

    /**
     * Puts the node back as it was before the switch, running its own steps through the runner;
     * returns how it ended ("rolled back to X, which is serving"), or throws if it could not.
     */
    @FunctionalInterface
    interface Undo {
        String run(StepRunner runner);
    }

    static <T> Step<T> before(String name, Action<T> action, Function<? super T, String> detail) {
        return new Step<>(name, Phase.BEFORE_SWITCH, action, detail, Optional.empty());
    }

    static <T> Step<T> after(
            String name, Action<T> action, Function<? super T, String> detail, Undo undo) {
        return new Step<>(name, Phase.AFTER_SWITCH, action, detail, Optional.of(undo));
    }

    /** A step after the switch that nothing can undo (the old secret values are gone). */
    static <T> Step<T> afterWithoutUndo(
            String name, Action<T> action, Function<? super T, String> detail) {
        return new Step<>(name, Phase.AFTER_SWITCH, action, detail, Optional.empty());
    }

    static <T> Step<T> confirmed(
            String name, Action<T> action, Function<? super T, String> detail) {
        return new Step<>(name, Phase.AFTER_CONFIRM, action, detail, Optional.empty());
    }
}
