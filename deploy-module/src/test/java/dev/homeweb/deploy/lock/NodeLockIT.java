package dev.homeweb.deploy.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.ssh.WithTestSshServer;
import dev.homeweb.deploy.units.NodeLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class NodeLockIT extends WithTestSshServer {
    static LockHolder holder(long pid) {
        return new LockHolder(
                "alice", "laptop", pid, Instant.parse("2026-11-25T10:00:00Z"), "abc123");
    }

    @Test
    void ofEightConcurrentDeploysExactlyOneGetsTheLock() throws Exception {
        var layout = new NodeLayout(dir.resolve("node-a").toString());
        var pool = Executors.newFixedThreadPool(8);
        var attempts = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 8; i++) {
            long pid = 1000 + i;
            attempts.add(
                    () -> {
                        try (var host = server.connect()) {
                            new NodeLock(new NodeShell(host, false), layout, Clock.systemUTC())
                                    .acquire(holder(pid), Duration.ZERO);
                            return true;
                        } catch (NodeLocked e) {
                            return false;
                        }
                    });
        }

        long winners =
                pool.invokeAll(attempts).stream()
                        .filter(
                                f -> {
                                    try {
                                        return f.get();
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                })
                        .count();
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
    }

    @Test
    void aRefusedDeployIsToldWhoHoldsTheLockAndReleaseFreesIt() {
        var layout = new NodeLayout(dir.resolve("node-b").toString());
        try (var host = server.connect()) {
            var lock = new NodeLock(new NodeShell(host, false), layout, Clock.systemUTC());
            lock.acquire(holder(1), Duration.ZERO);

            assertThatThrownBy(() -> lock.acquire(holder(2), Duration.ZERO))
                    .isInstanceOf(NodeLocked.class)
                    .hasMessageContaining(
                            "node is locked by alice@laptop (pid 1) since 2026-11-25T10:00:00Z"
                                    + " deploying release abc123");

            lock.release(holder(2));
            assertThat(lock.status()).contains(holder(1));
            lock.release(holder(1));
            assertThat(lock.status()).isEmpty();
            lock.acquire(holder(2), Duration.ZERO);
            assertThat(lock.status()).contains(holder(2));
        }
    }

    @Test
    void aLockLeftByADeadProcessOnThisMachineIsReportedAsDead() {
        var layout = new NodeLayout(dir.resolve("node-c").toString());
        var dead = new LockHolder("bob", "here", Long.MAX_VALUE - 1, Instant.EPOCH, "r1");
        try (var host = server.connect()) {
            var lock = new NodeLock(new NodeShell(host, false), layout, Clock.systemUTC());
            lock.acquire(dead, Duration.ZERO);

            var me =
                    new LockHolder(
                            "alice", "here", ProcessHandle.current().pid(), Instant.now(), "r2");
            assertThatThrownBy(() -> lock.acquire(me, Duration.ZERO))
                    .hasMessageContaining("left by a dead deploy");
            assertThat(lock.forceRelease()).contains(dead);
            lock.acquire(me, Duration.ZERO);
        }
    }

    @Test
    void lockWaitTakesTheLockOnceTheHolderLetsGo() throws Exception {
        var layout = new NodeLayout(dir.resolve("node-d").toString());
        try (var host = server.connect();
                var other = server.connect()) {
            var first = new NodeLock(new NodeShell(host, false), layout, Clock.systemUTC());
            first.acquire(holder(1), Duration.ZERO);
            var releaser = Executors.newSingleThreadScheduledExecutor();
            releaser.schedule(
                    () -> first.release(holder(1)),
                    1500,
                    java.util.concurrent.TimeUnit.MILLISECONDS);

            new NodeLock(new NodeShell(other, false), layout, Clock.systemUTC())
                    .acquire(holder(2), Duration.ofSeconds(10));

            releaser.shutdown();
            assertThat(first.status()).contains(holder(2));
        }
    }
}
