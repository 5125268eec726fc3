package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life of one node, deployed to for real: a systemd-nspawn container with systemd, sshd and
 * PostgreSQL, reached over SSH as the sudo user {@code deploy}. The tests run in order on the same
 * node, each starting from the state the previous one left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployLifecycleIT {
    @TempDir static Path dir;
    static TargetHost target;
    static E2e e2e;
    static String first;
    static String second;

    @BeforeAll
    static void boot() throws Exception {
        target = TargetHost.up("hwd-life");
        e2e = new E2e(target, dir, "health_timeout: 120s\nconfirm_timeout: 150s");
    }

    @AfterAll
    static void shutDown() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    @Order(1)
    void firstDeployFromNothingServesTheSamplePostsFromTheNode() throws Exception {
        var run =
                e2e.deploy(
                        "--jar",
                        E2e.appJar().toString(),
                        "--content",
                        E2e.repoRoot().resolve("content").toString());
        first = E2e.release(run);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("[e2e] upload")
                .contains("[e2e] confirm")
                .contains(" deployed ");
        assertThat(e2e.healthz())
                .contains("\"status\":\"ok\"")
                .contains("\"release\":\"" + first + "\"");
        assertThat(target.http("/")).contains("E2E blog").contains(E2e.POST_TITLE);
        assertThat(e2e.currentOnNode()).isEqualTo(first);
    }

    @Test
    @Order(2)
    void aSecondDeployOfTheSameBuildUploadsNothingAndDoesNotRestart() throws Exception {
        var started =
                target.ssh(
                        "systemctl show home-web.service -p ExecMainStartTimestampMonotonic -p MainPID");

        var run =
                e2e.deploy(
                        "--jar",
                        E2e.appJar().toString(),
                        "--content",
                        E2e.repoRoot().resolve("content").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(E2e.release(run)).isEqualTo(first);
        assertThat(run.out())
                .contains("already on node, sent nothing")
                .contains(" unchanged ")
                .doesNotContain("[e2e] restart");
        assertThat(
                        target.ssh(
                                "systemctl show home-web.service -p ExecMainStartTimestampMonotonic -p MainPID"))
                .isEqualTo(started);
    }

    @Test
    @Order(3)
    void aDeployOfAChangedPostUpdatesThePage() throws Exception {
        var content =
                e2e.contentWith("content-changed", text -> text + "\nFreshly *edited* words.\n");

        var run = e2e.deploy("--jar", E2e.appJar().toString(), "--content", content.toString());
        second = E2e.release(run);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(second).isNotEqualTo(first);
        assertThat(run.out())
                .containsPattern("\\[e2e\\] upload +ok .* 1 file\\(s\\), \\d+ bytes sent");
        assertThat(target.http("/blog/" + E2e.POST)).contains("Freshly <em>edited</em> words");
        assertThat(e2e.healthz()).contains("\"release\":\"" + second + "\"");
    }

    @Test
    @Order(4)
    void theSecretIsRootOnlyAndThePasswordAppearsNowhere() throws Exception {
        var url = Files.readString(Path.of(target.get("TARGET_DATABASE_URL_FILE"))).strip();
        var password =
                url.substring(url.indexOf(':', "postgresql://".length()) + 1, url.indexOf('@'));
        assertThat(password).hasSizeGreaterThan(8);

        assertThat(target.ssh("stat -c '%a %U %G' /etc/credstore/home-web/database-url").strip())
                .isIn("400 root root", "600 root root");
        assertThat(target.ssh("stat -c '%a %U' /etc/credstore/home-web").strip())
                .isEqualTo("700 root");
        assertThat(target.ssh("journalctl --no-pager -o cat")).doesNotContain(password);
        assertThat(target.ssh("ps -eo args")).doesNotContain(password);
        assertThat(TargetHost.run(java.util.List.of("ps", "-eo", "args"), 30).out())
                .doesNotContain(password);
        assertThat(target.ssh("cat /etc/systemd/system/home-web*")).doesNotContain(password);
        assertThat(
                        target.ssh(
                                "grep -rlF -- '"
                                        + password
                                        + "' /var/lib/home-web /etc/systemd/system || true"))
                .isBlank();
        var again =
                e2e.deploy(
                        "--jar",
                        E2e.appJar().toString(),
                        "--content",
                        e2e.dir.resolve("content-changed").toString());
        assertThat(again.all()).doesNotContain(password);
    }

    @Test
    @Order(5)
    void statusShowsReleasesAndRollbackGoesBackAndForth() throws Exception {
        var status = e2e.deploy("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out())
                .contains("current:  " + second)
                .contains(first + "  good")
                .contains("unit active")
                .contains("action=deploy release=" + second);

        var logs = e2e.deploy("logs", "e2e");
        assertThat(logs.exitCode()).isZero();
        assertThat(logs.out()).contains("Started home-web.service");

        var back = e2e.deploy("rollback", "e2e");
        assertThat(back.exitCode()).as(back.all()).isZero();
        assertThat(e2e.currentOnNode()).isEqualTo(first);
        assertThat(e2e.healthz()).contains("\"release\":\"" + first + "\"");
        assertThat(target.http("/blog/" + E2e.POST)).doesNotContain("Freshly");

        var forward = e2e.deploy("rollback", "e2e", "--to", second);
        assertThat(forward.exitCode()).as(forward.all()).isZero();
        assertThat(e2e.healthz()).contains("\"release\":\"" + second + "\"");
    }

    @Test
    @Order(6)
    void aConcurrentDeployIsRefusedWithTheHoldersDetails() throws Exception {
        var content = e2e.contentWith("content-third", text -> text + "\nThird version.\n");
        var lockFile = target.root().resolve("var/lib/home-web/deploy.lock");
        var running =
                CompletableFuture.supplyAsync(
                        () ->
                                e2e.deploy(
                                        "--jar",
                                        E2e.appJar().toString(),
                                        "--content",
                                        content.toString()));
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(lockFile) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }

        var refused = e2e.deploy("--jar", E2e.appJar().toString(), "--content", content.toString());

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(5);
        assertThat(refused.all())
                .contains("node is locked by e2e@")
                .contains("(pid " + ProcessHandle.current().pid() + ")");
        var first = running.get();
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(Files.exists(lockFile)).isFalse();
    }

    @Test
    @Order(7)
    void aChangedHostKeyIsRefusedBeforeAnythingChanges() throws Exception {
        var before = e2e.currentOnNode();
        var audit = target.ssh("cat /var/lib/home-web/audit.log");
        var impostor = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        var line =
                target.get("TARGET_ADDRESS")
                        + " ssh-ed25519 "
                        + Base64.getEncoder().encodeToString(impostor.getPublicKeyBlob())
                        + "\n";
        var wrong = Files.writeString(dir.resolve("wrong_known_hosts"), line);
        var content = e2e.contentWith("content-fourth", text -> text + "\nNever deployed.\n");

        var run =
                e2e.run(
                        e2e.argsWithKnownHosts(
                                wrong,
                                "--jar",
                                E2e.appJar().toString(),
                                "--content",
                                content.toString()));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.all()).contains("has CHANGED").contains("[e2e] preflight  FAIL");
        assertThat(e2e.currentOnNode()).isEqualTo(before);
        assertThat(target.ssh("cat /var/lib/home-web/audit.log")).isEqualTo(audit);
        assertThat(target.http("/blog/" + E2e.POST)).doesNotContain("Never deployed");
    }
}
