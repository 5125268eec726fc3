package dev.homeweb.deploy.rollout;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits until the server on a node answers {@code /healthz} as the expected release, with its unit
 * active and not restarted since {@code baseline}; gives up early once it has restarted.
 */
record HealthGate(Clock clock, Duration timeout) {
    /**
     * Between probes. A probe is one command over the open connection (~50 ms) and a server starts
     * in about a second: at 500 ms the deploy waited a quarter of a second, on average, after the
     * new server first answered.
     */
    static final Duration PAUSE = Duration.ofMillis(150);

    /** The last probe; {@link HealthProbe#healthyAs} tells whether it passed. */
    HealthProbe await(Supplier<HealthProbe> probe, String release, int baseline) {
        return await(probe, p -> p.healthyAs(release, baseline), baseline);
    }

    /** The last probe, the first that {@code passes} or the one after which waiting is futile. */
    HealthProbe await(Supplier<HealthProbe> probe, Predicate<HealthProbe> passes, int baseline) {
        var deadline = clock.instant().plus(timeout);
        HealthProbe last;
        do {
            last = probe.get();
            if (passes.test(last)
                    || last.restarts() > baseline
                    || last.activeState().equals("failed")) {
                return last;
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        } while (clock.instant().isBefore(deadline));
        return last;
    }
}
