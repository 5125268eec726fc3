package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL on the node goes down: a server that starts meanwhile serves the last published posts
 * and their images from its state directory and says "degraded", without a restart loop, and is
 * "ok" again by itself once the database is back; a deploy meanwhile fails before the switch. Each
 * test starts and ends with PostgreSQL running and the baseline release serving.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class DatabaseDownIT {
    private static final String PAGE = "/blog/" + E2e.POST;

    /** The sample post whose folder holds an image. */
    private static final String IMAGE_POST = "files-beside-posts";

    @TempDir static Path dir;
    static TargetHost target;
    static E2e e2e;
    static String release;

    @BeforeAll
    static void bootAndDeploy() throws Exception {
        target = TargetHost.up("hwd-dbdown");
        e2e = new E2e(target, dir, "health_timeout: 120s\nconfirm_timeout: 150s");
        e2e.initSecrets();
        // On a busy machine the node's PostgreSQL may still be starting after boot.
        waitFor(() -> postgresAnswers());
        var run = e2e.deploy(E2e.release());
        assertThat(run.exitCode()).as(e2e.failure(run)).isZero();
        release = E2e.release(run);
    }

    @AfterEach
    void postgresRunsAgainAndNoSecretLeaked() throws Exception {
        target.ssh("systemctl start postgresql.service");
        waitFor(() -> postgresAnswers() && e2e.healthz().contains("\"status\":\"ok\""));
        e2e.assertNoSecretLeaked();
    }

    @AfterAll
    static void shutDown() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aServerRestartedWhilePostgresIsDownServesTheLastPostsAndCatchesUpWithoutARestart()
            throws Exception {
        var published = target.http(PAGE);
        var etag = etag(PAGE);
        assertThat(published).contains(E2e.POST_TITLE);
        var image = image();
        var imageBytes = sha256(image);

        target.ssh("systemctl stop postgresql.service");
        target.ssh("systemctl restart home-web.service");
        waitFor(() -> status(PAGE).equals("200"));
        var pid = mainPid();

        assertThat(target.http(PAGE)).isEqualTo(published);
        assertThat(etag(PAGE)).isEqualTo(etag);
        assertThat(status("/")).isEqualTo("200");
        assertThat(status("/healthz")).isEqualTo("200");
        assertThat(e2e.healthz())
                .contains(
                        "\"status\":\"degraded\"",
                        "\"reason\":\"started without the database",
                        "\"database\":\"down\"",
                        "\"release\":\"" + release + "\"");
        assertThat(status("/search?q=post")).isEqualTo("503");
        assertThat(status(image))
                .as("the saved post's image, from the state directory")
                .isEqualTo("200");
        assertThat(sha256(image)).isEqualTo(imageBytes);
        assertThat(unit("ActiveState")).isEqualTo("active");
        assertThat(unit("NRestarts")).as("no restart loop").isEqualTo("0");
        assertThat(target.ssh("ls /var/lib/home-web-snapshot/")).contains("site-snapshot", "files");

        target.ssh("systemctl start postgresql.service");
        waitFor(() -> e2e.healthz().contains("\"status\":\"ok\""));

        assertThat(mainPid()).as("caught up without a restart").isEqualTo(pid);
        assertThat(unit("NRestarts")).isEqualTo("0");
        assertThat(status("/search?q=post")).isEqualTo("200");
        var journal = target.ssh("journalctl -u home-web.service -n 80 --no-pager -o cat");
        assertThat(journal).contains("the database answers again: site reloaded from it");
    }

    @Test
    void aDeployWhilePostgresIsDownFailsBeforeTheSwitchNamingTheDatabase() throws Exception {
        var content = e2e.contentWith("content-db-down", post -> post + "\nWritten while down.\n");
        target.ssh("systemctl stop postgresql.service");

        var run = e2e.deploy("--jar", E2e.appJar().toString(), "--content", content.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.all()).contains("migration failed, nothing switched", "cannot connect to");
        assertThat(e2e.currentOnNode()).isEqualTo(release);
        assertThat(target.http(PAGE)).contains(E2e.POST_TITLE).doesNotContain("Written while down");
    }

    private static boolean postgresAnswers() throws Exception {
        return target.ssh("pg_isready -q -h 127.0.0.1 -p 5432 && echo up || true").contains("up");
    }

    /** The address of the image of the sample post with files beside it. */
    private static String image() throws Exception {
        var page = target.http("/blog/" + IMAGE_POST);
        var src =
                java.util.regex.Pattern.compile("src=\"(/files/[0-9a-f]{16}/diagram\\.png)\"")
                        .matcher(page);
        assertThat(src.find()).as("an image in " + page).isTrue();
        return src.group(1);
    }

    private static String sha256(String path) throws Exception {
        return target.ssh("curl -sS --max-time 5 http://127.0.0.1:8080" + path + " | sha256sum")
                .strip();
    }

    private static String etag(String path) throws Exception {
        return target.ssh(
                        "curl -sS --max-time 5 -o /dev/null -D - http://127.0.0.1:8080"
                                + path
                                + " | tr -d '\\r' | sed -n 's/^[Ee][Tt]ag: //p'")
                .strip();
    }

    private static String status(String path) throws Exception {
        return target.ssh(
                        "curl -s --max-time 5 -o /dev/null -w '%{http_code}' http://127.0.0.1:8080"
                                + path
                                + " || true")
                .strip();
    }

    private static String unit(String property) throws Exception {
        return target.ssh("systemctl show -p " + property + " --value home-web.service").strip();
    }

    private static String mainPid() throws Exception {
        return unit("MainPID");
    }

    /** Polls until {@code condition} holds, for at most three minutes; a failed poll is a no. */
    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (RuntimeException e) {
                // the server or the database is (re)starting
            }
            Thread.sleep(1000);
        }
        assertThat(condition.call()).as("condition within three minutes").isTrue();
    }
}
