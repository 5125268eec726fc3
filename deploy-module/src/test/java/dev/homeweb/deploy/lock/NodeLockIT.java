package dev.homeweb.deploy.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.ssh.RemoteHost;
import dev.homeweb.deploy.ssh.WithTestSshServer;
import dev.homeweb.deploy.units.NodeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The lock over a real sshd: a flock held by a command that lives as long as its connection. */
class NodeLockIT extends WithTestSshServer {
    static LockHolder holder(long pid) {
        return new LockHolder(
                "alice", "laptop", pid, Instant.parse("2026-11-25T10:00:00Z"), "abc123");
    }

    static NodeLock lock(RemoteHost host, NodeLayout layout) {
        return new NodeLock(new NodeShell(host, false), layout, Clock.systemUTC());
    }

    static NodeLayout layout(String name) {
        return new NodeLayout(dir.resolve(name).toString());
    }

    @Test
    void ofEightConcurrentDeploysExactlyOneGetsTheLock() throws Exception {
        var layout = layout("node-a");
        var pool = Executors.newFixedThreadPool(8);
        var hosts = new ArrayList<RemoteHost>();
        var attempts = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 8; i++) {
            long pid = 1000 + i;
            var host = server.connect();
            hosts.add(host);
            attempts.add(
                    () -> {
                        try {
                            lock(host, layout).acquire(holder(pid), Duration.ZERO);
                            return true;
                        } catch (NodeLocked e) {
                            return false;
                        }
                    });
        }
        List<Future<Boolean>> results = pool.invokeAll(attempts);
        long winners = 0;
        for (var result : results) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();
        hosts.forEach(RemoteHost::close);

        assertThat(winners).isEqualTo(1);
    }

    @Test
    void aRefusedDeployIsToldWhoHoldsTheLockAndClosingTheLeaseFreesIt() {
        var layout = layout("node-b");
        try (var host = server.connect();
                var other = server.connect()) {
            var lease = lock(host, layout).acquire(holder(1), Duration.ZERO);

            assertThatThrownBy(() -> lock(other, layout).acquire(holder(2), Duration.ZERO))
                    .isInstanceOf(NodeLocked.class)
                    .hasMessageContaining(
                            "node is locked by alice@laptop (pid 1) since 2026-11-25T10:00:00Z"
                                    + " deploying release abc123");
            assertThat(lock(other, layout).status()).contains(holder(1));

            lease.close();
            assertThat(lock(other, layout).status()).isEmpty();
            assertThat(Files.exists(Path.of(layout.lock()))).isFalse();
            try (var second = lock(other, layout).acquire(holder(2), Duration.ZERO)) {
                assertThat(second.tookOverFrom()).isEmpty();
                assertThat(lock(host, layout).status()).contains(holder(2));
            }
        }
    }

    @Test
    void aDroppedConnectionFreesTheLockWithNoOneReleasingIt() {
        var layout = layout("node-c");
        var dying = server.connect();
        lock(dying, layout).acquire(holder(1), Duration.ZERO);

        dying.close();

        try (var host = server.connect();
                var lease = lock(host, layout).acquire(holder(2), Duration.ofSeconds(20))) {
            assertThat(lease.isHeld()).isTrue();
            assertThat(lock(host, layout).status()).contains(holder(2));
        }
    }

    @Test
    void aLockFileWhoseFlockIsFreeIsTakenOverAndNamesItsDeadHolder() throws Exception {
        var layout = layout("node-d");
        Files.createDirectories(Path.of(layout.root()));
        Files.writeString(
                Path.of(layout.lock()),
                "user=bob\nhost=gone\npid=77\nsince=2026-11-24T08:00:00Z\nrelease=r1\n");
        try (var host = server.connect()) {
            assertThat(lock(host, layout).status()).as("a dead holder's lock reads free").isEmpty();

            try (var lease = lock(host, layout).acquire(holder(2), Duration.ZERO)) {
                assertThat(lease.tookOverFrom())
                        .contains(
                                new LockHolder(
                                        "bob",
                                        "gone",
                                        77,
                                        Instant.parse("2026-11-24T08:00:00Z"),
                                        "r1"));
            }
        }
    }

    @Test
    void lockWaitTakesTheLockOnceTheHolderLetsGo() throws Exception {
        var layout = layout("node-e");
        try (var host = server.connect();
                var other = server.connect()) {
            var first = lock(host, layout).acquire(holder(1), Duration.ZERO);
            var releaser = Executors.newSingleThreadScheduledExecutor();
            releaser.schedule(first::close, 1500, TimeUnit.MILLISECONDS);

            try (var second = lock(other, layout).acquire(holder(2), Duration.ofSeconds(10))) {
                releaser.shutdown();
                assertThat(lock(host, layout).status()).contains(holder(2));
            }
        }
    }

    @Test
    void lockReleaseStopsALiveHolderAndFreesTheLock() throws InterruptedException {
        var layout = layout("node-f");
        try (var host = server.connect();
                var other = server.connect()) {
            var lease = lock(host, layout).acquire(holder(1), Duration.ZERO);

            assertThat(lock(other, layout).forceRelease()).contains(holder(1));

            try (var second = lock(other, layout).acquire(holder(2), Duration.ofSeconds(10))) {
                assertThat(second.tookOverFrom()).isEmpty();
                // The stopped holder's channel closes a moment after the kill reaches it.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (lease.isHeld() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(lease.isHeld()).isFalse();
            }
        }
    }
}
