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
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        } while (clock.instant().isBefore(deadline));
        return last;
    }
}
