package dev.homeweb.tls;

import java.time.Duration;
import java.time.Instant;

/**
 * When to order: renew once a third of the certificate's lifetime is left (Let's Encrypt's own
 * advice, 30 of 90 days); after a failure wait longer each time, never beyond {@link #MAX_BACKOFF}.
 */
record RenewalPolicy(Duration firstBackoff, Duration maxBackoff, Duration maxSleep) {
    static final Duration MAX_BACKOFF = Duration.ofHours(6);

    /** The defaults for a real CA: one minute after the first failure, then doubling. */
    static RenewalPolicy standard() {
        return new RenewalPolicy(Duration.ofMinutes(1), MAX_BACKOFF, Duration.ofHours(12));
    }

    /** The instant from which this certificate is renewed. */
    Instant renewalTime(ServedCertificate certificate) {
        return certificate.notAfter().minus(certificate.lifetime().dividedBy(3));
    }

    boolean isDue(ServedCertificate certificate, Instant now) {
        return !now.isBefore(renewalTime(certificate));
    }

    /** How long to wait after this many failures in a row (1 or more). */
    Duration backoff(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be 1 or more: " + failures);
        }
        var delay = firstBackoff;
        for (int i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /**
     * How long to sleep until the next look: until the renewal time, but never longer than {@code
     * maxSleep}, so a clock set forward (or a suspended machine) is noticed.
     */
    Duration untilNextCheck(ServedCertificate certificate, Instant now) {
        var left = Duration.between(now, renewalTime(certificate));
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(maxSleep) > 0 ? maxSleep : left;
    }
}
