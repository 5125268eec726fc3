package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys that go wrong on a real node: each starts from a healthy good release (redeployed before
 * each test, a no-op when it still serves, so one test's failure does not become the next one's)
 * and must leave that release serving.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class DeployFailureIT {
    @TempDir static Path dir;
    static TargetHost target;
    static E2e e2e;
    static String good;

    @BeforeAll
    static void bootAndDeployAGoodRelease() throws Exception {
        target = TargetHost.up("hwd-fail");
        e2e = new E2e(target, dir, "health_timeout: 60s\nconfirm_timeout: 75s");
        e2e.initSecrets();
        var run = e2e.deploy(E2e.release());
        assertThat(run.exitCode()).as(e2e.failure(run)).isZero();
        good = E2e.release(run);
    }

    @BeforeEach
    void theGoodReleaseServes() throws Exception {
        var run = e2e.deploy(E2e.release());
        assertThat(run.exitCode()).as(e2e.failure(run)).isZero();
        assertGoodReleaseServes();
    }

    @AfterEach
    void noSecretLeaked() throws Exception {
        e2e.assertNoSecretLeaked();
    }

    @AfterAll
    static void shutDown() {
        if (target != null) {
            target.close();
        }
    }

    private void assertGoodReleaseServes() throws Exception {
        assertThat(e2e.currentOnNode()).isEqualTo(good);
        assertThat(e2e.healthz())
                .contains("\"status\":\"ok\"")
                .contains("\"release\":\"" + good + "\"");
        assertThat(target.http("/blog/" + E2e.POST)).contains(E2e.POST_TITLE);
    }

    @Test
    void aReleaseWhoseServerFailsItsHealthCheckIsRolledBackAutomatically() throws Exception {
        var jar = FakeServerJar.build(dir, "crash-on-serve");

        var run =
                e2e.deploy(
                        "--jar",
                        jar.toString(),
                        "--content",
                        E2e.repoRoot().resolve("content").toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.out()).contains("[e2e] rollback").contains("rolled back to " + good);
        assertGoodReleaseServes();
        assertThat(target.ssh("cat /var/lib/home-web/audit.log"))
                .contains("reason=health-check-failed");
    }

    @Test
    void aFailingMigrationLeavesTheOldVersionServing() throws Exception {
        var jar = FakeServerJar.build(dir, "fail-migrate");

        var run =
                e2e.deploy(
                        "--jar",
                        jar.toString(),
                        "--content",
                        E2e.repoRoot().resolve("content").toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.all())
                .contains("[e2e] migrate    FAIL")
                .contains("migration failed, nothing switched, release " + good + " keeps serving")
                .contains("V2__broken.sql")
                .doesNotContain("[e2e] switch");
        assertGoodReleaseServes();
    }

    @Test
    void killingTheDeployerRightAfterTheSwitchMakesTheNodeRollBackByItself() throws Exception {
        var content = e2e.contentWith("content-orphan", text -> text + "\nOrphaned release.\n");
        var command =
                e2e.deployerCommand(
                        "--jar", E2e.appJar().toString(), "--content", content.toString());
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(e2e.environment);
        var seen = e2e.leaks.during(() -> runUntilSwitched(pb));
        System.out.println(seen);
        e2e.history.add(new E2e.Run(-9, seen, ""));
        assertThat(seen).contains("[e2e] switch     ok");
        assertThat(e2e.currentOnNode()).isNotEqualTo(good);

        try {
            long deadline = System.currentTimeMillis() + 240_000;
            while (System.currentTimeMillis() < deadline && !rolledBackByItself()) {
                Thread.sleep(2000);
            }
            assertGoodReleaseServes();
            assertThat(target.http("/blog/" + E2e.POST)).doesNotContain("Orphaned release");
            assertThat(target.ssh("cat /var/lib/home-web/audit.log"))
                    .contains("action=rollback")
                    .contains("reason=unconfirmed");
            assertThat(e2e.deploy("lock", "status").out()).contains("e2e: e2e@");
        } finally {
            assertThat(e2e.deploy("lock", "release").exitCode()).isZero();
        }
        assertThat(e2e.deploy("lock", "status").out()).contains("e2e: free");
    }

    /** The deployer's output until it reported the switch, when it is killed. */
    private static String runUntilSwitched(ProcessBuilder pb) throws Exception {
        var deployer = pb.start();
        var seen = new StringBuilder();
        try (var lines =
                new BufferedReader(
                        new InputStreamReader(deployer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("[e2e] switch     ok")) {
                    deployer.destroyForcibly();
                    break;
                }
            }
        } finally {
            deployer.destroyForcibly().waitFor();
        }
        return seen.toString();
    }

    private boolean rolledBackByItself() {
        try {
            return target.ssh("cat /var/lib/home-web/audit.log").contains("reason=unconfirmed")
                    && e2e.healthz().contains("\"release\":\"" + good + "\"");
        } catch (Exception e) {
            return false; // the server is restarting
        }
    }
}
