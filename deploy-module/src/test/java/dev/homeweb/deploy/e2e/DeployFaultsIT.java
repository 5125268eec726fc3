package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults between the switch and the confirmation on a real node, and how the node and the next
 * deploy get past them with no one clearing anything: a deployer killed, a node rebooted. The
 * confirm timeout is long, so what rolls back is the fault's own handling, not the timer.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class DeployFaultsIT extends FromAGoodRelease {
    /** A confirm timeout long enough that the timer never is what rolls back here. */
    static final String SETTINGS = "health_timeout: 60s\nconfirm_timeout: 600s";

    @BeforeAll
    static void boot() throws Exception {
        bootWithAGoodRelease("hwd-faults", SETTINGS);
    }

    @Test
    void aDeployRightAfterAKilledOneRollsItsSwitchBackAndSucceeds() throws Exception {
        switchedAndAbandoned("content-killed", "Killed deploy.");
        assertThat(e2e.deploy("lock", "status").out()).contains("e2e: free");

        var next = e2e.contentWith("content-next", text -> text + "\nThe next deploy.\n");
        var run = e2e.deploy("--jar", E2e.appJar().toString(), "--content", next.toString());

        assertThat(run.exitCode()).as(e2e.failure(run)).isZero();
        assertThat(run.out()).contains("home-web-rollback: rolled back to " + good);
        assertThat(run.out()).containsPattern("(?m)^e2e +deployed ");
        assertThat(target.http("/blog/" + E2e.POST))
                .contains("The next deploy.")
                .doesNotContain("Killed deploy.");
        assertThat(target.ssh("cat /var/lib/home-web/audit.log"))
                .contains("reason=abandoned")
                .containsPattern("action=deploy release=[0-9a-f]{16} previous=" + good);
    }

    @Test
    void aRebootBetweenSwitchAndConfirmBootsOnTheLastConfirmedRelease() throws Exception {
        switchedAndAbandoned("content-rebooted", "Rebooted deploy.");
        assertThat(target.ssh("cat /var/lib/home-web/state/pending")).contains("previous=" + good);

        target.reboot();

        assertGoodReleaseServes();
        assertThat(target.http("/blog/" + E2e.POST)).doesNotContain("Rebooted deploy.");
        assertThat(target.ssh("ls /var/lib/home-web/state")).doesNotContain("pending");
        assertThat(target.ssh("cat /var/lib/home-web/audit.log"))
                .contains("action=rollback")
                .contains("reason=reboot");
        assertThat(
                        target.ssh(
                                "journalctl -b -o cat --no-pager -u home-web-recover.service"
                                        + " -u home-web.service | grep -n -m1 -e 'home-web-rollback:'"
                                        + " -e 'Started home-web' || true"))
                .as("the rollback finished before the server started")
                .contains("home-web-rollback:");
        var next = e2e.contentWith("content-after-reboot", text -> text + "\nAfter reboot.\n");
        var run = e2e.deploy("--jar", E2e.appJar().toString(), "--content", next.toString());
        assertThat(run.exitCode()).as(e2e.failure(run)).isZero();
        assertThat(target.http("/blog/" + E2e.POST)).contains("After reboot.");
    }
}
