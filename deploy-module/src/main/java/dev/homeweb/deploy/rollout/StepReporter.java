package dev.homeweb.deploy.rollout;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints each step of each node as one line when it ends (readable in a terminal and in CI logs,
 * where parallel nodes interleave) and keeps them for the summary and {@code --json}.
 */
public final class StepReporter {
    private final PrintWriter out;
    private final Clock clock;

    public StepReporter(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** The steps of one node. */
    public final class NodeSteps {
        private final String node;
        private final List<StepResult> steps = new ArrayList<>();

        NodeSteps(String node) {
            this.node = node;
        }

        /** Runs a step, recording its duration; a failure is recorded and rethrown. */
        public <T> T run(String step, Step<T> body, java.util.function.Function<T, String> detail) {
            var start = clock.instant();
            try {
                T value = body.run();
                record(step, true, Duration.between(start, clock.instant()), detail.apply(value));
                return value;
            } catch (RuntimeException e) {
                record(step, false, Duration.between(start, clock.instant()), e.getMessage());
                throw e;
            }
        }

        public void note(String step, String detail) {
            record(step, true, Duration.ZERO, detail);
        }

        public void failed(String step, String detail) {
            record(step, false, Duration.ZERO, detail);
        }

        private void record(String step, boolean ok, Duration duration, String detail) {
            var result = new StepResult(node, step, ok, duration, detail == null ? "" : detail);
            steps.add(result);
            print(result);
        }

        public List<StepResult> steps() {
            return List.copyOf(steps);
        }
    }

    /** A step's body. */
    @FunctionalInterface
    public interface Step<T> {
        T run();
    }

    public NodeSteps forNode(String node) {
        return new NodeSteps(node);
    }

    private void print(StepResult r) {
        synchronized (out) {
            out.printf(
                    Locale.ROOT,
                    "[%s] %-10s %-4s %7.2fs  %s%n",
                    r.node(),
                    r.step(),
                    r.ok() ? "ok" : "FAIL",
                    r.seconds(),
                    r.detail());
            out.flush();
        }
    }

    public void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
