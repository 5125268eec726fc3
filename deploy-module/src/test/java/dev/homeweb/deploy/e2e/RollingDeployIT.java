package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling deploy to three real nodes, one at a time ({@code settings.batch: 1}), of a release
 * whose server cannot start on the second node: the rollout stops there, the second node rolls
 * back, the third is never contacted, the first keeps the new release (or, with {@code
 * --rollback-succeeded}, goes back too). Readers read every node for the whole deploy and none of
 * their requests may fail. The three nodes are booted once for the class; each test starts with the
 * old release serving on all of them.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class RollingDeployIT {
    static final int CLIENTS = 8;

    /** Three nodes' readers and servers share the machine: a little slower than ZeroDowntimeIT. */
    static final long PAUSE_MILLIS = 5;

    static final List<String> NAMES = List.of("n1", "n2", "n3");

    @TempDir static Path dir;
    static final List<TargetHost> NODES = new ArrayList<>();
    static ThreeNodes three;
    static String old;
    static Path next;
    static long classStarted;

    @BeforeAll
    static void bootThreeNodesAndDeployTheOldRelease() throws Exception {
        classStarted = System.nanoTime();
        var pool = Executors.newFixedThreadPool(3);
        try {
            var booting = new ArrayList<Future<TargetHost>>();
            for (int i = 1; i <= 3; i++) {
                String prefix = "hwd-roll" + i;
                booting.add(pool.submit(() -> TargetHost.up(prefix)));
            }
            for (var node : booting) {
                NODES.add(node.get());
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("RollingDeployIT: three nodes booted in %.1f s%n", seconds(classStarted));
        three = new ThreeNodes(NODES, dir, NAMES);
        old = three.firstDeploy(E2e.release());
        // Another build whose server refuses to start on the second node only, like a release
        // that needs something that node lacks: its migrate and import still run there.
        next = cannotServeOn(NODES.get(1).name);
    }

    @BeforeEach
    void everyNodeServesTheOldRelease() throws Exception {
        assertThat(three.deployed(E2e.release())).isEqualTo(old);
        for (var node : NODES) {
            assertThat(current(node)).isEqualTo(old);
        }
    }

    @AfterEach
    void noSecretLeaked() throws Exception {
        three.e2e.assertNoSecretLeaked();
    }

    @AfterAll
    static void shutDown() {
        NODES.forEach(TargetHost::close);
        System.out.printf(
                "RollingDeployIT: wall time %.1f s for the class, boot and teardown included%n",
                seconds(classStarted));
    }

    @Test
    void aSecondNodeThatFailsItsHealthCheckStopsTheRolloutAndOnlyItRollsBack() throws Exception {
        var before = Before.take();

        var run = three.whileReading(() -> deployNext());
        var released = E2e.release(run);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        var summary = summary(run);
        assertThat(summary.get(0))
                .matches(row("n1", "deployed", released, "release " + released + " serving"));
        assertThat(summary.get(1))
                .matches(row("n2", "rolled back", old, secondNodeRolledBack(released)));
        assertThat(summary.get(2)).matches(row("n3", "not started", "untouched", notStarted()));
        assertThat(current(NODES.get(0))).isEqualTo(released);
        assertThat(healthz(0)).contains("\"status\":\"ok\"", "\"release\":\"" + released + "\"");
        assertThat(mainPid(0)).as("n1 runs the new code").isNotEqualTo(before.pids.get(0));
        assertSecondNodeRolledBack();
        before.assertThirdNodeUntouched();
    }

    @Test
    void withRollbackSucceededTheFirstNodeGoesBackToo() throws Exception {
        var before = Before.take();

        var run = three.whileReading(() -> deployNext("--rollback-succeeded"));
        var released = E2e.release(run);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        var summary = summary(run);
        assertThat(summary.get(0))
                .matches(
                        row(
                                "n1",
                                "rolled back",
                                old,
                                Pattern.quote("rolled back to " + old + " with the rollout: ")
                                        + stopped()));
        assertThat(summary.get(1))
                .matches(row("n2", "rolled back", old, secondNodeRolledBack(released)));
        assertThat(summary.get(2)).matches(row("n3", "not started", "untouched", notStarted()));
        assertThat(run.out()).contains("[n1] target     ok");
        assertThat(current(NODES.get(0))).isEqualTo(old);
        assertThat(healthz(0)).contains("\"status\":\"ok\"", "\"release\":\"" + old + "\"");
        assertThat(released).isNotEqualTo(old);
        assertSecondNodeRolledBack();
        before.assertThirdNodeUntouched();
    }

    private static E2e.Run deployNext(String... more) {
        var args = new ArrayList<>(List.of("--jar", next.toString()));
        args.addAll(List.of("--content", E2e.repoRoot().resolve("content").toString()));
        args.addAll(List.of(more));
        return three.deploy(args.toArray(String[]::new));
    }

    private static void assertSecondNodeRolledBack() throws Exception {
        var second = NODES.get(1);
        assertThat(current(second)).isEqualTo(old);
        assertThat(healthz(1)).contains("\"status\":\"ok\"", "\"release\":\"" + old + "\"");
        assertThat(second.ssh("cat /var/lib/home-web/audit.log"))
                .contains("reason=health-check-failed");
        assertThat(second.ssh("journalctl -u home-web.service --no-pager -o cat"))
                .contains("this release cannot serve on " + second.name);
    }

    /** What the third node looked like before the deploy, which must not have touched it. */
    private record Before(List<String> pids, String thirdAudit, String thirdRestarts) {
        static Before take() throws Exception {
            var pids = new ArrayList<String>();
            for (int i = 0; i < 3; i++) {
                pids.add(mainPid(i));
            }
            var third = NODES.get(2);
            return new Before(
                    pids, third.ssh("cat /var/lib/home-web/audit.log"), unit(third, "NRestarts"));
        }

        void assertThirdNodeUntouched() throws Exception {
            var third = NODES.get(2);
            assertThat(current(third)).isEqualTo(old);
            assertThat(mainPid(2)).as("n3's server never stopped").isEqualTo(pids.get(2));
            assertThat(unit(third, "NRestarts")).isEqualTo(thirdRestarts);
            assertThat(third.ssh("cat /var/lib/home-web/audit.log"))
                    .as("no deploy reached n3")
                    .isEqualTo(thirdAudit);
        }
    }

    /** The summary table as printed: its header and one line per node. */
    private static List<String> summary(E2e.Run run) {
        var lines = run.out().lines().toList();
        int header =
                lines.lastIndexOf(
                        String.format(
                                "%-20s %-24s %-17s %8s  %s",
                                "NODE", "RESULT", "SERVES", "TIME", "MESSAGE"));
        assertThat(header).as("a summary table in " + run.out()).isNotNegative();
        return lines.subList(header + 1, Math.min(lines.size(), header + 4));
    }

    /** One row of the summary table, as a pattern. */
    private static String row(String node, String result, String serves, String message) {
        return Pattern.quote(String.format("%-20s %-24s %-17s", node, result, serves))
                + " +[0-9]+\\.[0-9]s  "
                + message;
    }

    /** The second node's message: its release failed the health check, and it went back. */
    private static String secondNodeRolledBack(String released) {
        return Pattern.quote("release " + released + " is not healthy: ")
                + ".*"
                + Pattern.quote("; rolled back to " + old + ", which is serving");
    }

    private static String stopped() {
        return Pattern.quote(
                "the rollout stopped after batch 2 of 3: 1 node(s) failed, settings.max_failures"
                        + " is 0");
    }

    private static String notStarted() {
        return Pattern.quote("not started: ") + stopped();
    }

    private static String current(TargetHost node) throws Exception {
        return Files.readSymbolicLink(node.root().resolve("var/lib/home-web/current"))
                .getFileName()
                .toString();
    }

    private static String healthz(int node) throws Exception {
        return NODES.get(node).http("/healthz");
    }

    private static String mainPid(int node) throws Exception {
        return unit(NODES.get(node), "MainPID");
    }

    private static String unit(TargetHost node, String property) throws Exception {
        return node.ssh("systemctl show home-web.service -p " + property + " --value").strip();
    }

    /** The repository's server jar, started through a class that exits on {@code hostname}. */
    private static Path cannotServeOn(String hostname) throws Exception {
        return NodeSpecificJar.build(dir, E2e.appJar(), hostname);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
