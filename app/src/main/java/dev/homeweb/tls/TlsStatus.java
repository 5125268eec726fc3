package dev.homeweb.tls;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code /healthz} says about HTTPS: the certificate served, and the last failed order if the
 * newest attempt failed.
 */
public record TlsStatus(
        String mode,
        Optional<Instant> expires,
        Optional<String> serial,
        Optional<Instant> renewalTime,
        Optional<String> lastError,
        Optional<Instant> lastErrorAt,
        Optional<Instant> nextAttempt) {}
