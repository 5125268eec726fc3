package dev.homeweb.deploy.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings for the deploy run as a whole: how many nodes at once, how many releases to keep, and
 * how long to wait for health and for the confirmation that cancels the node's rollback timer.
 */
public record DeploySettings(
        int parallel, int keepReleases, Duration healthTimeout, Duration confirmTimeout) {

    static final DeploySettings DEFAULTS =
            new DeploySettings(4, 5, Duration.ofSeconds(60), Duration.ofSeconds(120));

    public DeploySettings {
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
