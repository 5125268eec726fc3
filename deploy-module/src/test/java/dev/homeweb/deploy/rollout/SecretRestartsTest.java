package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.node.secrets.SecretChange;
import dev.homeweb.node.secrets.SecretChange.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretRestartsTest {
    static final DeployConfig CONFIG =
            DeployConfig.parse(
                    """
                    secrets:
                      database-url: {}
                      api-token: {units: [token-user.service, home-web.service]}
                    nodes:
                      blog: {hostname: h}
                    """,
                    Path.of("/repo"));

    static SecretChange change(String name, Status status) {
        return new SecretChange(name, status, Optional.of("0123456789ab"));
    }

    @Test
    void onlyUnitsOfAddedOrChangedSecretsRestartAndTemplatesNever() {
        var restarts =
                SecretRestarts.of(
                        CONFIG.nodes().get("blog"),
                        List.of(
                                change("database-url", Status.CHANGED),
                                change("api-token", Status.UNCHANGED)));

        assertThat(restarts.units()).containsExactly("home-web.service", "home-web-import.service");
        assertThat(restarts.describeRestart("home-web.service", true))
                .isEqualTo("home-web.service; if running: home-web-import.service");
        assertThat(SecretRestarts.describe(restarts.changes()))
                .isEqualTo("database-url changed (sha256 0123456789ab…); 1 unchanged");
    }

    @Test
    void unchangedAndRemovedSecretsRestartNothing() {
        var restarts =
                SecretRestarts.of(
                        CONFIG.nodes().get("blog"),
                        List.of(
                                change("database-url", Status.UNCHANGED),
                                new SecretChange("old", Status.REMOVED, Optional.empty())));

        assertThat(restarts.units()).isEmpty();
        assertThat(restarts.anyChange()).isTrue();
        assertThat(SecretRestarts.describe(restarts.changes()))
                .isEqualTo("old removed; 1 unchanged");
    }
}
