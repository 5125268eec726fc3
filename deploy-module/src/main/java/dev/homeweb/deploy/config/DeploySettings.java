package dev.homeweb.deploy.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings for the deploy run as a whole: how many nodes at once, how many releases to keep, how
 * long to wait for health and for the confirmation that cancels the node's rollback timer; the
 * rolling of a rollout ({@code batch} nodes at a time, 0 for all at once, stopping once more than
 * {@code maxFailures} nodes failed); and how many pre-migration backups a node keeps (0: none).
 */
public record DeploySettings(
        int parallel,
        int keepReleases,
        Duration healthTimeout,
        Duration confirmTimeout,
        int batch,
        int maxFailures,
        int keepBackups) {

    static final DeploySettings DEFAULTS =
            new DeploySettings(4, 5, Duration.ofSeconds(60), Duration.ofSeconds(120));

    /** No batches (every node at once), and three backups. */
    public DeploySettings(
            int parallel, int keepReleases, Duration healthTimeout, Duration confirmTimeout) {
        this(parallel, keepReleases, healthTimeout, confirmTimeout, 0, 0, 3);
    }

    public DeploySettings {
        if (batch < 0) {
            throw new ConfigException("settings.batch " + batch + " must be at least 1");
        }
        if (maxFailures < 0) {
            throw new ConfigException(
                    "settings.max_failures " + maxFailures + " must be 0 or more");
        }
        if (keepBackups < 0) {
            throw new ConfigException(
                    "settings.backups " + keepBackups + " must be 0 (no backups) or more");
        }
        if (parallel < 1) {
            throw new ConfigException("settings.parallel " + parallel + " must be at least 1");
        }
        if (keepReleases < 2) {
            throw new ConfigException(
                    "settings.keep_releases "
                            + keepReleases
                            + " must be at least 2 (current and one to roll back to)");
        }
        Objects.requireNonNull(healthTimeout, "healthTimeout");
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        if (confirmTimeout.compareTo(healthTimeout) <= 0) {
            throw new ConfigException(
                    "settings.confirm_timeout ("
                            + confirmTimeout.toSeconds()
                            + "s) must be longer than settings.health_timeout ("
                            + healthTimeout.toSeconds()
                            + "s), or a healthy deploy would roll itself back");
        }
    }
}
