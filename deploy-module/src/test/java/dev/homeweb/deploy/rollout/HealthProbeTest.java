package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthProbeTest {
    @Test
    void isHealthyOnlyAsTheExpectedReleaseActiveAndNotRestarted() {
        var probe =
                HealthProbe.parse(
                        """
                        ActiveState=active
                        NRestarts=0
                        body={"status":"ok","database":"up","posts":1,"version":"0.1.0-SNAPSHOT","build":"51437e9ce8d7","release":"65b50aafc36e3335"}
                        """);

        assertThat(probe.healthyAs("65b50aafc36e3335", 0)).isTrue();
        assertThat(probe.healthyAs("aba86c2718dc9e40", 0)).isFalse();
        assertThat(probe.healthyAs("65b50aafc36e3335", 1)).isFalse();
        assertThat(probe.describe())
                .isEqualTo("unit active, restarts 0, healthz ok (release 65b50aafc36e3335)");
    }

    @Test
    void afterAContentOnlyChangeItServesTheNewContentFromTheOldRelease() {
        var probe =
                HealthProbe.parse(
                        """
                        ActiveState=active
                        NRestarts=0
                        body={"status":"ok","release":"aaaa","content":"bbbb"}
                        """);
        var older =
                HealthProbe.parse(
                        "ActiveState=active\nNRestarts=0\nbody={\"status\":\"ok\",\"release\":\"aaaa\"}\n");

        assertThat(probe.servesContentOf("bbbb", 0)).isTrue();
        assertThat(probe.servesContentOf("aaaa", 0)).isFalse();
        assertThat(probe.servesContentOf("bbbb", 1)).isFalse();
        assertThat(probe.healthyAs("bbbb", 0)).isFalse();
        assertThat(probe.describe())
                .isEqualTo("unit active, restarts 0, healthz ok (release aaaa) (content of bbbb)");
        assertThat(older.servesContentOf("aaaa", 0))
                .as("a server from before content ids")
                .isTrue();
    }

    @Test
    void aDownDatabaseOrNoAnswerIsNotHealthy() {
        var unavailable =
                HealthProbe.parse(
                        "ActiveState=active\nNRestarts=0\nbody={\"status\":\"unavailable\",\"release\":\"r\"}\n");
        var silent = HealthProbe.parse("ActiveState=activating\nNRestarts=2\nbody=\n");

        assertThat(unavailable.healthyAs("r", 0)).isFalse();
        assertThat(silent.healthyAs("r", 2)).isFalse();
        assertThat(silent.describe()).isEqualTo("unit activating, restarts 2, healthz not ok");
    }

    @Test
    void aDegradedServerIsNotHealthyAndSaysWhy() {
        var degraded =
                HealthProbe.parse(
                        """
                        ActiveState=active
                        NRestarts=0
                        body={"status":"degraded","reason":"the database cannot be reached; serving the posts last loaded from it","database":"down","posts":-1,"release":"r"}
                        """);

        assertThat(degraded.healthyAs("r", 0)).isFalse();
        assertThat(degraded.describe())
                .isEqualTo(
                        "unit active, restarts 0, healthz degraded: the database cannot be"
                                + " reached; serving the posts last loaded from it (release r)");
    }
}
