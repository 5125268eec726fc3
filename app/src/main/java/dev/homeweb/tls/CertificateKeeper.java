package dev.homeweb.tls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an ACME certificate current: orders one when there is none or a third of its lifetime is
 * left, stores it, and hands it to the listener. A failed order keeps the current certificate and
 * is retried with backoff; the failure shows in {@link #status()}.
 *
 * <p>Threading: {@link #check()} runs on one scheduler thread (or the caller's, once, at start);
 * the status is read from request threads.
 */
final class CertificateKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateKeeper.class);

    private final Supplier<ServedCertificate> issuer;
    private final CertificateStore store;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final Consumer<ServedCertificate> install;
    private final ScheduledExecutorService scheduler;

    private volatile @Nullable ServedCertificate current;
    private volatile @Nullable Failure failure;
    private volatile @Nullable Instant nextAttempt;

    private record Failure(String message, Instant at, int count) {}

    CertificateKeeper(
            Supplier<ServedCertificate> issuer,
            CertificateStore store,
            RenewalPolicy policy,
            Clock clock,
            Consumer<ServedCertificate> install) {
        this.issuer = issuer;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.install = install;
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            var thread = new Thread(r, "certificate-renewal");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /**
     * The stored certificate, or a newly ordered one when there is none or it is due. Throws when
     * there is no certificate to serve at all: a first start whose CA cannot be reached fails.
     */
    ServedCertificate obtain() {
        current = store.certificate().orElse(null);
        var stored = current;
        if (stored != null && !policy.isDue(stored, clock.instant())) {
            LOG.info(
                    "TLS certificate {} from {} is valid until {}, renewal from {}",
                    stored.serial(),
                    store.dir(),
                    stored.notAfter(),
                    policy.renewalTime(stored));
            return stored;
        }
        try {
            return renew();
        } catch (RuntimeException e) {
            if (stored != null && clock.instant().isBefore(stored.notAfter())) {
                recordFailure(e);
                return stored;
            }
            throw e;
        }
    }

    /** Starts the background checks; the first one when the current certificate is due. */
    void start() {
        schedule(delayAfterCheck());
    }

    /** One look: orders when due. Never throws; failures are kept for the status and retried. */
    void check() {
        var serving = current;
        if (serving != null && !policy.isDue(serving, clock.instant())) {
            return;
        }
        try {
            renew();
        } catch (RuntimeException e) {
            recordFailure(e);
        }
    }

    TlsStatus status() {
        var serving = Optional.ofNullable(current);
        var failed = Optional.ofNullable(failure);
        return new TlsStatus(
                "acme",
                serving.map(ServedCertificate::notAfter),
                serving.map(ServedCertificate::serial),
                serving.map(c -> policy.renewalTime(c).truncatedTo(ChronoUnit.SECONDS)),
                failed.map(Failure::message),
                failed.map(Failure::at),
                Optional.ofNullable(nextAttempt).map(t -> t.truncatedTo(ChronoUnit.SECONDS)));
    }

    private ServedCertificate renew() {
        var started = clock.instant();
        LOG.info("ordering a TLS certificate");
        var issued = issuer.get();
        store.save(issued);
        install.accept(issued);
        current = issued;
        failure = null;
        LOG.info(
                "TLS certificate {} issued in {} ms, valid until {}",
                issued.serial(),
                Duration.between(started, clock.instant()).toMillis(),
                issued.notAfter());
        return issued;
    }

    private void recordFailure(RuntimeException e) {
        var previous = failure;
        var count = previous == null ? 1 : previous.count() + 1;
        // One line: it ends up in /healthz and the journal.
        var message =
                (e.getMessage() == null ? e.toString() : e.getMessage())
                        .replaceAll("\\p{Cntrl}+", " ");
        failure = new Failure(message, clock.instant(), count);
        LOG.warn(
                "TLS certificate renewal failed ({} in a row), serving the current one: {}",
                count,
                message);
    }

    private Duration delayAfterCheck() {
        var failed = failure;
        if (failed != null) {
            return policy.backoff(failed.count());
        }
        var serving = current;
        return serving == null ? Duration.ZERO : policy.untilNextCheck(serving, clock.instant());
    }

    private void schedule(Duration delay) {
        if (scheduler.isShutdown()) {
            return;
        }
        nextAttempt = clock.instant().plus(delay);
        scheduler.schedule(
                () -> {
                    check();
                    schedule(delayAfterCheck());
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
