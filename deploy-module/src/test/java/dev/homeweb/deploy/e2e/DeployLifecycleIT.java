package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
    static E2e.Run init;
    static final Path TOKEN_UNIT = Path.of("etc/systemd/system/token-user.service");

    @BeforeAll
    static void boot() throws Exception {
        target = TargetHost.up("hwd-life");
        e2e = new E2e(target, dir, "health_timeout: 120s\nconfirm_timeout: 150s");
        init = e2e.initSecrets();
    }

    @AfterAll
    static void shutDown() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    @Order(0)
    void secretsInitCreatesARootOnlyIdentityOnTheNodeOnceAndRecordsItsRecipient() throws Exception {
        var identity = "/etc/home-web/age/identity";
        assertThat(target.ssh("stat -c '%a %U %G' " + identity).strip()).isEqualTo("400 root root");
        assertThat(target.ssh("stat -c '%a %U' /etc/home-web/age").strip()).isEqualTo("700 root");
        var recipient = target.ssh("sed -n 's/^# public key: //p' " + identity).strip();
        assertThat(init.out()).contains("e2e: age recipient " + recipient);
        assertThat(Files.readString(e2e.config)).contains("    age_recipient: " + recipient + "\n");
        var before = target.ssh("sha256sum " + identity);

        var again = e2e.deploy(E2e.concat(List.of("secrets", "init", "e2e"), E2e.release()));

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains(recipient).contains("already recorded");
        assertThat(target.ssh("sha256sum " + identity)).isEqualTo(before);
        assertThat(target.ssh("ls /var/lib/home-web/releases/*/lib/home-web-node.jar"))
                .isNotBlank();
        assertThat(Files.readAllBytes(e2e.dir.resolve("secrets/database-url.age")))
                .startsWith("age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII));
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

    /** The InvocationID of each unit: a new one means it was (re)started. */
    static List<String> invocations(String... units) throws Exception {
        var out = new ArrayList<String>();
        for (var unit : units) {
            out.add(
                    target.ssh(
                            "systemctl show -p InvocationID -p ExecMainStartTimestampMonotonic "
                                    + unit));
        }
        return out;
    }

    @Test
    @Order(4)
    void theDeployRanWithoutAnyAdminIdentityAndTheCredentialIsRootOnly() throws Exception {
        assertThat(e2e.environment).doesNotContainKey("HOME_WEB_AGE_IDENTITY");
        assertThat(e2e.dir.resolve(".config/home-web/age-identity")).doesNotExist();
        assertThat(target.ssh("stat -c '%a %U %G' /etc/credstore/home-web/database-url").strip())
                .isEqualTo("400 root root");
        assertThat(target.ssh("stat -c '%a %U' /etc/credstore/home-web").strip())
                .isEqualTo("700 root");
        assertThat(target.ssh("cat /etc/systemd/system/home-web.service"))
                .contains("LoadCredential=database-url:/etc/credstore/home-web/database-url");
    }

    @Test
    @Order(5)
    void aNewSecretForAnotherUnitIsInstalledWithoutRestartingTheServer() throws Exception {
        var server = invocations("home-web.service");
        Files.writeString(
                e2e.config,
                Files.readString(e2e.config)
                        .replace(
                                "  database-url: {}\n",
                                "  database-url: {}\n  api-token: {units: [token-user.service]}\n"));
        e2e.setSecret("api-token", TOKEN);

        var run = e2e.deploy(changed());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).containsPattern("\\[e2e\\] secrets +ok .*api-token added");
        assertThat(invocations("home-web.service")).isEqualTo(server);
        assertThat(target.ssh("cat /etc/credstore/home-web/api-token")).isEqualTo(TOKEN);
        // A second service that uses only the token, to see what a rotation restarts.
        Files.writeString(
                target.root().resolve(TOKEN_UNIT),
                """
                [Service]
                LoadCredential=api-token:/etc/credstore/home-web/api-token
                ExecStart=/bin/sleep infinity
                """);
        target.ssh("systemctl daemon-reload && systemctl start token-user.service");
    }

    @Test
    @Order(6)
    void rotatingTheDatabaseUrlRestartsTheServerAndNothingElse() throws Exception {
        var url = Files.readString(Path.of(target.get("TARGET_DATABASE_URL_FILE"))).strip();
        var rotated = url.replace(password(url), NEW_PASSWORD);
        // The new password goes to PostgreSQL on stdin from a root-only file, never in argv.
        var sql = target.root().resolve("root/rotate.sql");
        Files.writeString(sql, "ALTER ROLE homeweb PASSWORD '" + NEW_PASSWORD + "';\n");
        target.ssh(
                "chmod 600 /root/rotate.sql && runuser -u postgres -- psql -q < /root/rotate.sql"
                        + " && rm /root/rotate.sql");
        e2e.setSecret("database-url", rotated + "\n");
        var before =
                invocations("home-web.service", "token-user.service", "home-web-import.service");
        var current = e2e.currentOnNode();

        var plan = e2e.deploy(E2e.concat(List.of("plan"), changed()));
        var snapshots = new PsSnapshots();
        E2e.Run run;
        try {
            run = e2e.deploy(changed());
        } finally {
            snapshots.stop();
        }

        assertThat(plan.out())
                .containsPattern("secret: +database-url changed \\(sha256 [0-9a-f]{12}…\\)")
                .containsPattern("secret: +api-token unchanged");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .containsPattern("\\[e2e\\] secrets +ok .*database-url changed")
                .containsPattern("\\[e2e\\] restart +ok .*home-web.service")
                .doesNotContain("[e2e] switch")
                .doesNotContain("[e2e] migrate");
        var after =
                invocations("home-web.service", "token-user.service", "home-web-import.service");
        assertThat(after.get(0)).isNotEqualTo(before.get(0));
        assertThat(after.subList(1, 3)).isEqualTo(before.subList(1, 3));
        assertThat(e2e.currentOnNode()).isEqualTo(current);
        assertThat(e2e.healthz()).contains("\"status\":\"ok\"");
        assertThat(target.http("/")).contains(E2e.POST_TITLE);
        assertThat(snapshots.seen()).isNotEmpty().noneMatch(p -> p.contains(NEW_PASSWORD));
    }

    @Test
    @Order(7)
    void anUnchangedRedeployRestartsNothingEvenWithFreshlyReencryptedFiles() throws Exception {
        var ciphertext = Files.readAllBytes(e2e.dir.resolve("secrets/database-url.age"));
        var rekey = e2e.deploy("secrets", "rekey", "--age-identity", e2e.adminIdentity.toString());
        assertThat(rekey.exitCode()).as(rekey.all()).isZero();
        assertThat(Files.readAllBytes(e2e.dir.resolve("secrets/database-url.age")))
                .isNotEqualTo(ciphertext);
        var before = invocations("home-web.service", "token-user.service");

        var run = e2e.deploy(changed());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("[e2e] secrets")
                .contains("2 unchanged")
                .contains(" unchanged ");
        assertThat(run.out()).doesNotContain("[e2e] restart");
        assertThat(invocations("home-web.service", "token-user.service")).isEqualTo(before);
    }

    @Test
    @Order(8)
    void aSecretEncryptedToTheWrongRecipientStopsTheDeployBeforeAnyChange() throws Exception {
        var token = e2e.dir.resolve("secrets/api-token.age");
        var good = Files.readAllBytes(token);
        var stranger = e2e.dir.resolve("stranger.txt");
        TargetHost.run(List.of("age-keygen", "-o", stranger.toString()), 30);
        var recipient =
                TargetHost.run(List.of("age-keygen", "-y", stranger.toString()), 30).out().strip();
        var plain = e2e.dir.resolve("token-plain.txt");
        Files.writeString(plain, "another-token-value");
        var encrypted =
                TargetHost.run(
                        List.of("age", "-r", recipient, "-o", token.toString(), plain.toString()),
                        30);
        Files.delete(plain);
        assertThat(encrypted.code()).as(encrypted.err()).isZero();
        var content = e2e.contentWith("content-secret", text -> text + "\nNever served.\n");
        var credentials = target.ssh("sha256sum /etc/credstore/home-web/*");
        var before = invocations("home-web.service", "token-user.service");
        var current = e2e.currentOnNode();
        try {
            var run = e2e.deploy("--jar", E2e.appJar().toString(), "--content", content.toString());

            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(run.all())
                    .contains("secret 'api-token' cannot be decrypted on node 'e2e'")
                    .containsPattern("\\[e2e\\] secrets +FAIL")
                    .doesNotContain("[e2e] units")
                    .doesNotContain("[e2e] switch");
            assertThat(target.ssh("sha256sum /etc/credstore/home-web/*")).isEqualTo(credentials);
            assertThat(invocations("home-web.service", "token-user.service")).isEqualTo(before);
            assertThat(e2e.currentOnNode()).isEqualTo(current);
            assertThat(target.http("/blog/" + E2e.POST)).doesNotContain("Never served");
        } finally {
            Files.write(token, good);
        }
    }

    @Test
    @Order(9)
    void thePlaintextAppearsNowhere() throws Exception {
        var url = Files.readString(Path.of(target.get("TARGET_DATABASE_URL_FILE"))).strip();
        var markers = List.of(password(url), NEW_PASSWORD, TOKEN);
        assertThat(password(url)).hasSizeGreaterThan(8);
        var journal = target.ssh("journalctl --no-pager -o cat");
        var units = target.ssh("cat /etc/systemd/system/home-web* /etc/systemd/system/token-user*");
        var nodePs = target.ssh("ps -eo args");
        var hostPs = TargetHost.run(List.of("ps", "-eo", "args"), 30).out();
        for (var marker : markers) {
            assertThat(journal).doesNotContain(marker);
            assertThat(units).doesNotContain(marker);
            assertThat(nodePs).doesNotContain(marker);
            assertThat(hostPs).doesNotContain(marker);
            assertThat(
                            target.ssh(
                                    "grep -rlF -- '"
                                            + marker
                                            + "' /var/lib/home-web /etc/systemd/system /etc/home-web"
                                            + " || true"))
                    .isBlank();
            assertThat(e2e.history).noneMatch(run -> run.all().contains(marker));
            try (var files = Files.walk(e2e.dir)) {
                assertThat(
                                files.filter(Files::isRegularFile)
                                        .filter(
                                                p ->
                                                        !p.getFileName()
                                                                .toString()
                                                                .equals("admin-identity.txt"))
                                        .filter(p -> contains(p, marker))
                                        .toList())
                        .as("deployer files holding a secret")
                        .isEmpty();
            }
        }
        var show =
                e2e.deploy(
                        "secrets",
                        "show",
                        "api-token",
                        "--age-identity",
                        e2e.adminIdentity.toString());
        assertThat(show.out()).isEqualTo(TOKEN);
        e2e.history.remove(show);
        var list = e2e.deploy("secrets", "list");
        assertThat(list.out())
                .contains("api-token")
                .contains("token-user.service")
                .doesNotContain(TOKEN);
    }

    @Test
    @Order(10)
    void removingASecretFromTheConfigRemovesItFromTheNode() throws Exception {
        target.ssh("systemctl stop token-user.service");
        Files.writeString(
                e2e.config,
                Files.readString(e2e.config)
                        .replace("  api-token: {units: [token-user.service]}\n", ""));

        var run = e2e.deploy(changed());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("api-token removed");
        assertThat(target.ssh("ls /etc/credstore/home-web").strip()).isEqualTo("database-url");
        assertThat(e2e.healthz()).contains("\"status\":\"ok\"");
    }

    private static final String TOKEN = "tok-" + java.util.UUID.randomUUID();
    private static final String NEW_PASSWORD =
            "rotated" + java.util.UUID.randomUUID().toString().replace("-", "");

    /** The server jar and the content of the release serving since test 3. */
    private static String[] changed() {
        return new String[] {
            "--jar",
            E2e.appJar().toString(),
            "--content",
            e2e.dir.resolve("content-changed").toString()
        };
    }

    private static String password(String url) {
        return url.substring(url.indexOf(':', "postgresql://".length()) + 1, url.indexOf('@'));
    }

    private static boolean contains(Path file, String marker) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                    .contains(marker);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** {@code ps -eo args} on the node, every ~200 ms while a deploy runs. */
    static final class PsSnapshots {
        private final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;
        private final Thread thread;

        PsSnapshots() {
            thread =
                    new Thread(
                            () -> {
                                while (running) {
                                    try {
                                        seen.add(target.ssh("ps -eo args"));
                                        Thread.sleep(200);
                                    } catch (Exception e) {
                                        return;
                                    }
                                }
                            });
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(30_000);
        }

        List<String> seen() {
            return seen;
        }
    }

    @Test
    @Order(15)
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
    @Order(16)
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
    @Order(17)
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
