package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Deploys that go wrong on a real node: each starts from a healthy good release (redeployed before
 * each test, a no-op when it still serves, so one test's failure does not become the next one's)
 * and must leave that release serving.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class DeployFailureIT extends FromAGoodRelease {
    @BeforeAll
    static void bootAndDeployAGoodRelease() throws Exception {
        bootWithAGoodRelease("hwd-fail", "health_timeout: 60s\nconfirm_timeout: 75s");
    }

    @Test
    void aReleaseWhoseServerFailsItsHealthCheckIsRolledBackAutomatically() throws Exception {
        var jar = FakeServerJar.build(dir, "crash-on-serve");

        var run = e2e.deployJar(jar);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.out()).contains("[e2e] rollback").contains("rolled back to " + good);
        assertGoodReleaseServes();
        assertThat(target.ssh("cat /var/lib/home-web/audit.log"))
                .contains("reason=health-check-failed");
    }

    @Test
    void aFailingMigrationLeavesTheOldVersionServing() throws Exception {
        var jar = FakeServerJar.build(dir, "fail-migrate");

        var run = e2e.deployJar(jar);

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
        switchedAndAbandoned("content-orphan", "Orphaned release.");

        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline && !rolledBackByItself()) {
            Thread.sleep(2000);
        }
        assertGoodReleaseServes();
        assertThat(target.http("/blog/" + E2e.POST)).doesNotContain("Orphaned release");
        assertThat(target.ssh("cat /var/lib/home-web/audit.log"))
                .contains("action=rollback")
                .contains("reason=unconfirmed");
        // The dead deployer's flock went with its connection: no one releases anything.
        assertThat(e2e.deploy("lock", "status").out()).contains("e2e: free");
        var after = e2e.contentWith("content-after-kill", text -> text + "\nAfter the kill.\n");
        var next = e2e.deploy("--jar", E2e.appJar().toString(), "--content", after.toString());
        assertThat(next.exitCode()).as(e2e.failure(next)).isZero();
        assertThat(target.http("/blog/" + E2e.POST)).contains("After the kill.");
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
