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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The life of one node, deployed to for real: a systemd-nspawn container with systemd, sshd and
 * PostgreSQL, reached over SSH as the sudo user {@code deploy}. Booting is expensive, so the tests
 * share the node, but none depends on another: each starts from the same baseline (the repository's
 * release, the database URL as the only secret, the original database password), which {@link
 * #baseline} restores, so they run in random order. After each, {@link E2e#assertNoSecretLeaked}
 * looks for every secret value in the node's processes (sampled during each deploy command),
 * journal and files, and in the deployer's output and files.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class DeployLifecycleIT extends OnTargetHost {
    /** The baseline release: the repository's server jar and content. */
    static String first;

    static E2e.Run init;
    static E2e.Run firstDeploy;
    static String baseConfig;
    static byte[] baseDatabaseUrl;
    static final Path TOKEN_UNIT = Path.of("etc/systemd/system/token-user.service");

    @BeforeAll
    static void bootAndDeployTheBaseline() throws Exception {
        target = TargetHost.up("hwd-life");
        e2e = new E2e(target, dir, "health_timeout: 120s\nconfirm_timeout: 150s");
        e2e.leaks.watch("the api token", TOKEN);
        e2e.leaks.watch("the rotated database password", NEW_PASSWORD);
        init = e2e.initSecrets();
        baseConfig = Files.readString(e2e.config);
        baseDatabaseUrl = Files.readAllBytes(secretFile("database-url"));
        firstDeploy = e2e.deploy(E2e.release());
        assertThat(firstDeploy.exitCode()).as(e2e.failure(firstDeploy)).isZero();
        first = E2e.release(firstDeploy);
    }

    /**
     * The config and secret files as after the first deploy, the database password they hold, no
     * token unit, and the baseline release deployed (a no-op when the node is already there).
     */
    @BeforeEach
    void baseline() throws Exception {
        target.ssh(
                "if [ -f /"
                        + TOKEN_UNIT
                        + " ]; then systemctl stop token-user.service && rm /"
                        + TOKEN_UNIT
                        + " && systemctl daemon-reload; fi");
        Files.writeString(e2e.config, baseConfig);
        Files.write(secretFile("database-url"), baseDatabaseUrl);
        Files.deleteIfExists(secretFile("api-token"));
        setDatabasePassword(E2e.password(E2e.databaseUrl(target)));
        var run = e2e.deploy(E2e.release());
        assertThat(run.exitCode()).as(e2e.failure(run)).isZero();
        assertThat(E2e.release(run)).isEqualTo(first);
        assertThat(e2e.currentOnNode()).isEqualTo(first);
        e2e.assertNoSecretLeaked();
    }

    static Path secretFile(String name) {
        return e2e.dir.resolve("secrets/" + name + ".age");
    }

    /** Sets the role's password, on PostgreSQL's stdin from a root-only file, never in argv. */
    static void setDatabasePassword(String password) throws Exception {
        var sql = target.root().resolve("root/password.sql");
        Files.writeString(sql, "ALTER ROLE homeweb PASSWORD '" + password + "';\n");
        target.ssh(
                "chmod 600 /root/password.sql && runuser -u postgres -- psql -q"
                        + " < /root/password.sql && rm /root/password.sql");
    }

    /** Adds the secret api-token for a second service, deploys it, and starts that service. */
    static E2e.Run addTokenSecretAndItsUnit() throws Exception {
        Files.writeString(
                e2e.config,
                Files.readString(e2e.config)
                        .replace(
                                "  database-url: {}\n",
                                "  database-url: {}\n  api-token: {units: [token-user.service]}\n"));
        e2e.setSecret("api-token", TOKEN);
        var run = e2e.deploy(E2e.release());
        assertThat(run.exitCode()).as(run.all()).isZero();
        // A second service that uses only the token, to see what a rotation restarts.
        Files.writeString(
                target.root().resolve(TOKEN_UNIT),
                """
                [Service]
                LoadCredential=api-token:/etc/credstore/home-web/api-token
                ExecStart=/bin/sleep infinity
                """);
        target.ssh("systemctl daemon-reload && systemctl start token-user.service");
        return run;
    }

    @Test
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
        assertThat(Files.readAllBytes(secretFile("database-url")))
                .startsWith("age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void firstDeployFromNothingServesTheSamplePostsFromTheNode() throws Exception {
        assertThat(firstDeploy.out())
                .contains("[e2e] upload")
                .contains("[e2e] confirm")
                .contains(" deployed ");
        assertThat(e2e.healthz())
                .contains("\"status\":\"ok\"")
                .contains("\"release\":\"" + first + "\"");
        assertThat(target.http("/")).contains("E2E blog").contains(E2e.POST_TITLE);
    }

    @Test
    void aSecondDeployOfTheSameBuildUploadsNothingAndDoesNotRestart() throws Exception {
        var started =
                target.ssh(
                        "systemctl show home-web.service -p ExecMainStartTimestampMonotonic -p MainPID");

        var run = e2e.deploy(E2e.release());

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
    void aDeployOfAChangedPostUpdatesThePage() throws Exception {
        var content =
                e2e.contentWith("content-changed", text -> text + "\nFreshly *edited* words.\n");

        var run = e2e.deploy("--jar", E2e.appJar().toString(), "--content", content.toString());
        var second = E2e.release(run);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(second).isNotEqualTo(first);
        assertThat(run.out())
                .containsPattern("\\[e2e\\] upload +ok .* 1 file\\(s\\), \\d+ bytes sent");
        assertThat(target.http("/blog/" + E2e.POST)).contains("Freshly <em>edited</em> words");
        // Only content changed: the running server reloaded it, no restart.
        assertThat(e2e.healthz()).contains("\"content\":\"" + second + "\"");
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
    void aNewSecretForAnotherUnitIsInstalledWithoutRestartingTheServer() throws Exception {
        var server = invocations("home-web.service");

        var run = addTokenSecretAndItsUnit();

        assertThat(run.out()).containsPattern("\\[e2e\\] secrets +ok .*api-token added");
        assertThat(invocations("home-web.service")).isEqualTo(server);
        assertThat(target.ssh("cat /etc/credstore/home-web/api-token")).isEqualTo(TOKEN);
    }

    @Test
    void rotatingTheDatabaseUrlRestartsTheServerAndNothingElse() throws Exception {
        addTokenSecretAndItsUnit();
        var url = E2e.databaseUrl(target);
        var rotated = url.replace(E2e.password(url), NEW_PASSWORD);
        setDatabasePassword(NEW_PASSWORD);
        e2e.setSecret("database-url", rotated + "\n");
        var before =
                invocations("home-web.service", "token-user.service", "home-web-import.service");
        var current = e2e.currentOnNode();

        var plan = e2e.deploy(E2e.concat(List.of("plan"), E2e.release()));
        int samples = e2e.leaks.samples();

        var run = e2e.deploy(E2e.release());

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
        assertThat(e2e.leaks.samples())
                .as("process samples during the deploy")
                .isGreaterThan(samples);
    }

    @Test
    void anUnchangedRedeployRestartsNothingEvenWithFreshlyReencryptedFiles() throws Exception {
        addTokenSecretAndItsUnit();
        var ciphertext = Files.readAllBytes(secretFile("database-url"));
        var rekey = e2e.deploy("secrets", "rekey", "--age-identity", e2e.adminIdentity.toString());
        assertThat(rekey.exitCode()).as(rekey.all()).isZero();
        assertThat(Files.readAllBytes(secretFile("database-url"))).isNotEqualTo(ciphertext);
        var before = invocations("home-web.service", "token-user.service");

        var run = e2e.deploy(E2e.release());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("[e2e] secrets")
                .contains("2 unchanged")
                .contains(" unchanged ");
        assertThat(run.out()).doesNotContain("[e2e] restart");
        assertThat(invocations("home-web.service", "token-user.service")).isEqualTo(before);
    }

    @Test
    void aSecretEncryptedToTheWrongRecipientStopsTheDeployBeforeAnyChange() throws Exception {
        addTokenSecretAndItsUnit();
        var token = secretFile("api-token");
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
    void secretsShowPrintsAValueOnlyWhenAskedAndListShowsNone() throws Exception {
        addTokenSecretAndItsUnit();

        var show =
                e2e.reveal(
                        "secrets",
                        "show",
                        "api-token",
                        "--age-identity",
                        e2e.adminIdentity.toString());
        var list = e2e.deploy("secrets", "list");

        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).isEqualTo(TOKEN);
        assertThat(list.out())
                .contains("api-token")
                .contains("token-user.service")
                .doesNotContain(TOKEN);
    }

    @Test
    void removingASecretFromTheConfigRemovesItFromTheNode() throws Exception {
        addTokenSecretAndItsUnit();
        target.ssh("systemctl stop token-user.service");
        Files.writeString(
                e2e.config,
                Files.readString(e2e.config)
                        .replace("  api-token: {units: [token-user.service]}\n", ""));

        var run = e2e.deploy(E2e.release());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("api-token removed");
        assertThat(target.ssh("ls /etc/credstore/home-web").strip()).isEqualTo("database-url");
        assertThat(e2e.healthz()).contains("\"status\":\"ok\"");
    }

    private static final String TOKEN = "tok-" + java.util.UUID.randomUUID();
    private static final String NEW_PASSWORD =
            "rotated" + java.util.UUID.randomUUID().toString().replace("-", "");

    @Test
    void statusShowsReleasesAndRollbackGoesBackAndForth() throws Exception {
        var content =
                // Not the edit of aDeployOfAChangedPostUpdatesThePage: that release may be on the
                // node already, and this one must be new.
                e2e.contentWith("content-second", text -> text + "\nBack and forth.\n");
        var deployed =
                e2e.deploy("--jar", E2e.appJar().toString(), "--content", content.toString());
        assertThat(deployed.exitCode()).as(deployed.all()).isZero();
        var second = E2e.release(deployed);

        var status = e2e.deploy("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out())
                .contains("current:  " + second)
                .containsPattern(first + "  schema \\d+  good")
                .contains("unit active")
                .contains("action=deploy release=" + second);

        var logs = e2e.deploy("logs", "e2e");
        assertThat(logs.exitCode()).isZero();
        assertThat(logs.out()).contains("Started home-web.service");

        // "Previous" is the newest entry of the node's good list other than the current one; the
        // list keeps the order in which releases first became good, so with other tests' releases
        // on the node it need not be the baseline.
        var good = Files.readAllLines(target.root().resolve("var/lib/home-web/state/good"));
        var previous =
                good.stream().filter(r -> !r.isBlank() && !r.equals(second)).reduce((a, b) -> b);
        assertThat(previous).isPresent();

        var back = e2e.deploy("rollback", "e2e");
        assertThat(back.exitCode()).as(back.all()).isZero();
        assertThat(e2e.currentOnNode()).isEqualTo(previous.get());
        assertThat(e2e.healthz()).contains("\"content\":\"" + previous.get() + "\"");
        assertThat(target.http("/blog/" + E2e.POST)).doesNotContain("Back and forth");

        var forward = e2e.deploy("rollback", "e2e", "--to", second);
        assertThat(forward.exitCode()).as(forward.all()).isZero();
        assertThat(e2e.healthz()).contains("\"content\":\"" + second + "\"");
    }

    @Test
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

        E2e.Run refused;
        E2e.Run holder;
        try {
            refused = e2e.deploy("--jar", E2e.appJar().toString(), "--content", content.toString());
        } finally {
            holder = running.get(); // never leave a deploy running into the next test
        }

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(5);
        assertThat(refused.all())
                .contains("node is locked by e2e@")
                .contains("(pid " + ProcessHandle.current().pid() + ")");
        assertThat(holder.exitCode()).as(holder.all()).isZero();
        assertThat(Files.exists(lockFile)).isFalse();
    }

    @Test
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
