package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.ServiceOptions;
import dev.homeweb.deploy.ssh.ExecResult;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.ssh.RemoteHost;
import dev.homeweb.deploy.units.NodeLayout;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HealthGateTest {
    static final ServiceOptions SERVICE =
            DeployConfig.parse(
                            "secrets: {database-url: {}}\nnodes:\n  a: {hostname: h}\n",
                            Path.of("/"))
                    .nodes()
                    .get("a")
                    .service();

    /** A fake node that answers every probe with the same text. */
    record CannedHost(String stdout) implements RemoteHost {
        @Override
        public ExecResult exec(String command, Stdin stdin) {
            return new ExecResult(0, stdout, "");
        }

        @Override
        public dev.homeweb.deploy.ssh.RemoteProcess start(String command) {
            throw new UnsupportedOperationException("a probe starts nothing");
        }

        @Override
        public int stream(String command, OutputStream out, OutputStream err) {
            return 0;
        }

        @Override
        public String description() {
            return "canned";
        }

        @Override
        public void close() {}
    }

    static Supplier<HealthProbe> node(String stdout) {
        var queries =
                new NodeQueries(
                        new NodeShell(new CannedHost(stdout), false), new NodeLayout("/srv/x"));
        return () -> queries.probe(SERVICE);
    }

    @Test
    void passesWhenTheExpectedReleaseAnswers() {
        var commands =
                node(
                        "ActiveState=active\nNRestarts=0\nbody={\"status\":\"ok\",\"release\":\"r1\"}\n");

        var probe =
                new HealthGate(Clock.systemUTC(), Duration.ofSeconds(5)).await(commands, "r1", 0);

        assertThat(probe.healthyAs("r1", 0)).isTrue();
    }

    @Test
    void givesUpAtOnceWhenTheUnitHasRestarted() {
        var commands = node("ActiveState=activating\nNRestarts=1\nbody=\n");
        var start = System.nanoTime();

        var probe =
                new HealthGate(Clock.systemUTC(), Duration.ofSeconds(30)).await(commands, "r1", 0);

        assertThat(probe.healthyAs("r1", 0)).isFalse();
        assertThat(probe.restarts()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void waitsNoLongerThanTheTimeoutForAnOldRelease() {
        var commands =
                node(
                        "ActiveState=active\nNRestarts=0\nbody={\"status\":\"ok\",\"release\":\"r0\"}\n");

        var probe =
                new HealthGate(Clock.systemUTC(), Duration.ofMillis(1200)).await(commands, "r1", 0);

        assertThat(probe.healthyAs("r1", 0)).isFalse();
        assertThat(probe.release()).contains("r0");
    }

    @Test
    void neverPassesAReleaseThatServesWithoutItsDatabase() {
        var commands =
                node(
                        "ActiveState=active\nNRestarts=0\nbody={\"status\":\"degraded\",\"reason\":\"started"
                                + " without the database\",\"release\":\"r1\"}\n");

        var probe =
                new HealthGate(Clock.systemUTC(), Duration.ofMillis(1200)).await(commands, "r1", 0);

        assertThat(probe.healthyAs("r1", 0)).isFalse();
        assertThat(probe.describe()).contains("healthz degraded: started without the database");
    }
}
