package dev.homeweb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.FreePort;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.JarProcess;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.SlowResponse;
import dev.homeweb.testing.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged jar, run as a separate process with real arguments and exit codes. */
@ExtendWith(PostgresExtension.class)
class CliIT {
    @TempDir Path dir;

    JarProcess.Result run(String... args) {
        return JarProcess.run(dir, Map.of(), args);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        var result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout())
                .contains(
                        "serve",
                        "migrate",
                        "import",
                        "healthcheck",
                        "Exit codes:",
                        "HOME_WEB_BASE_URL");
    }

    @Test
    void unknownCommandOrOptionExitsWithUsageError() {
        assertThat(run("publish").exitCode()).isEqualTo(2);
        var result = run("serve", "--database-url", "postgresql://u:p@h/db");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr())
                .contains(
                        "unknown argument(s): '--database-url'",
                        "never taken on the command line",
                        "--database-url-file")
                .doesNotContain("u:p@");
    }

    @Nested
    class DatabaseUrlFile {
        @Test
        void missingFileIsAConfigError() {
            var result = run("migrate", "--database-url-file", dir.resolve("absent").toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr())
                    .contains("database-URL file " + dir.resolve("absent") + " does not exist");
        }

        @Test
        void emptyFileIsAConfigError() throws Exception {
            var file = Files.writeString(dir.resolve("url"), "\n");

            var result = run("migrate", "--database-url-file", file.toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr()).contains("is empty");
        }

        @Test
        void badUrlIsAConfigErrorThatDoesNotLeakThePassword() throws Exception {
            var file = Files.writeString(dir.resolve("url"), "mysql://root:TopSecret99@db/blog\n");

            var result =
                    JarProcess.run(
                            dir, Map.of("HOME_WEB_DATABASE_URL_FILE", file.toString()), "import");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr()).contains("scheme 'mysql'");
            assertThat(result.stdout() + result.stderr()).doesNotContain("TopSecret99");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"migrate", "migrate --status", "import", "serve --port 0"})
        void unreachableDatabaseIsOneClearMessageFromEveryCommand(String command) throws Exception {
            int port = FreePort.find();
            var file =
                    privateFile(
                            "url", "postgresql://blog:TopSecret99@127.0.0.1:" + port + "/blog\n");
            var args = new java.util.ArrayList<>(List.of(command.split(" ")));
            args.addAll(
                    List.of("--database-url-file", file.toString(), "--content", sampleContent()));

            var result = run(args.toArray(String[]::new));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr())
                    .isEqualTo(
                            "home-web "
                                    + command.split(" ")[0]
                                    + ": cannot connect to jdbc:postgresql://127.0.0.1:"
                                    + port
                                    + "/blog: Connection to 127.0.0.1:"
                                    + port
                                    + " refused\nCheck that PostgreSQL is running on 127.0.0.1"
                                    + " and listening on port "
                                    + port
                                    + " (listen_addresses and port in postgresql.conf, and any"
                                    + " firewall between), and that the host and port in the"
                                    + " database-URL file are right.\n");
            assertThat(result.stdout()).isEmpty();
        }

        @Test
        void fileOthersCanReadIsUsedWithAWarningThatSaysHowToFixIt(TestDatabase db)
                throws Exception {
            var file = db.writeUrlFile(dir);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

            var result = run("migrate", "--database-url-file", file.toString());

            assertThat(result.exitCode()).isZero();
            assertThat(result.stderr())
                    .isEqualTo(
                            "home-web: warning: database-URL file "
                                    + file
                                    + " is open to other users (mode 0644) and may hold the"
                                    + " database password; make it private with: chmod 600 "
                                    + file
                                    + "\n");
        }

        @Test
        void fileOnlyItsOwnerCanReadIsUsedWithoutAWord(TestDatabase db) {
            var result = run("migrate", "--database-url-file", db.writeUrlFile(dir).toString());

            assertThat(result.exitCode()).isZero();
            assertThat(result.stderr()).isEmpty();
        }

        @Test
        void systemdCredentialIsNotWarnedAbout(TestDatabase db) throws Exception {
            var credentials = Files.createDirectories(dir.resolve("credentials"));
            var file = db.writeUrlFile(credentials);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

            var result =
                    JarProcess.run(
                            dir,
                            Map.of("CREDENTIALS_DIRECTORY", credentials.toString()),
                            "migrate");

            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).contains("Applied V1");
            assertThat(result.stderr()).isEmpty();
        }

        private static String sampleContent() {
            return System.getProperty("homeweb.content", "../content");
        }

        private Path privateFile(String name, String text) throws java.io.IOException {
            var file = Files.writeString(dir.resolve(name), text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        }
    }

    @Test
    void migrateAppliesOnceAndThenReportsUpToDate(TestDatabase db) {
        var url = db.writeUrlFile(dir).toString();

        var first = run("migrate", "--database-url-file", url);
        var second = run("migrate", "--database-url-file", url);
        var status = run("migrate", "--status", "--database-url-file", url);

        assertThat(first.exitCode()).isZero();
        assertThat(first.stdout()).contains("Applied V1 create posts");
        assertThat(second.exitCode()).isZero();
        assertThat(second.stdout()).contains("Database is up to date; no migrations applied.");
        assertThat(status.stdout()).containsPattern("V1\\s+Success\\s+create posts");
    }

    @Test
    void concurrentMigrationsApplyEachVersionOnce(TestDatabase db) {
        var url = db.writeUrlFile(dir).toString();

        var a = JarProcess.start(dir, Map.of(), "migrate", "--database-url-file", url);
        var b = JarProcess.start(dir, Map.of(), "migrate", "--database-url-file", url);
        var results = java.util.List.of(a.await(120), b.await(120));

        assertThat(results).extracting(JarProcess.Result::exitCode).containsOnly(0);
        assertThat(results.stream().filter(r -> r.stdout().contains("Applied V1")).count())
                .isEqualTo(1);
        var applied =
                db.dsl().fetchCount(db.dsl().selectFrom("flyway_schema_history").where("success"));
        assertThat(applied)
                .isEqualTo(
                        new dev.homeweb.db.Migrations(db.database().dataSource()).status().size());
    }

    @Test
    void serveRefusesPendingMigrations(TestDatabase db) {
        var result =
                run("serve", "--port", "0", "--database-url-file", db.writeUrlFile(dir).toString());

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr())
                .containsPattern("\\d+ database migration\\(s\\) pending \\(V1, V2[^)]*\\);")
                .contains("run 'home-web migrate'");
    }

    @Test
    void importOfBadContentExitsWithTheFileAndChangesNothing(TestDatabase db) {
        var url = db.writeUrlFile(dir).toString();
        run("migrate", "--database-url-file", url);
        var content = new ContentDir(dir.resolve("content"));
        content.post("good.md", "Good", "2026-01-01", "");
        assertThat(
                        run(
                                        "import",
                                        "--database-url-file",
                                        url,
                                        "--content",
                                        content.root().toString())
                                .stdout())
                .contains("Imported: 1 added, 0 updated, 0 removed, 0 unchanged");
        var bad = content.post("bad.md", "---\ntitle: Bad\ndate: tomorrow\n---\n");

        var result =
                run("import", "--database-url-file", url, "--content", content.root().toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr())
                .contains(bad + ":3: bad date 'tomorrow'", "nothing was imported");
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("posts"))).isEqualTo(1);
    }

    /**
     * A response still being written when SIGTERM comes is finished, whole, while the server takes
     * no new connection. The page is some 10 MB and the client's receive window a few KB: even if
     * the kernel took the server's largest send buffer (4 MB here), most of the body is still in
     * the server's hands when the signal arrives.
     */
    @Test
    void serveFinishesAnInFlightResponseOnSigtermAndTakesNoNewConnection(TestDatabase db)
            throws Exception {
        var url = db.writeUrlFile(dir).toString();
        run("migrate", "--database-url-file", url);
        var content = new ContentDir(dir.resolve("content"));
        content.post("big.md", "Big", "2026-01-01", "");
        Files.writeString(
                content.root().resolve("posts/big.md"),
                ("A paragraph of a long post, long enough to take a while to send.\n\n")
                        .repeat(150_000),
                StandardOpenOption.APPEND);
        var imported =
                run("import", "--database-url-file", url, "--content", content.root().toString());
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        var server =
                JarProcess.start(
                        dir, Map.of("HOME_WEB_PORT", "0"), "serve", "--database-url-file", url);
        var port = awaitPort(server);

        try (var response = SlowResponse.get(port, "/blog/big")) {
            assertThat(response.head()).startsWith("HTTP/1.1 200 ");
            assertThat(response.contentLength()).isGreaterThan(10_000_000);
            assertThat(response.read(65_536)).isEqualTo(65_536);

            server.process().destroy();
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> refusesConnections(port));
            assertThat(server.process().isAlive()).as("still finishing the response").isTrue();

            response.read(Long.MAX_VALUE);
            assertThat(response.bodyRead()).isEqualTo(response.contentLength());
            assertThat(response.tail()).endsWith("</html>\n");
        }
        var result = server.await(20);
        assertThat(result.exitCode()).isEqualTo(143);
        assertThat(result.stderr()).doesNotContain("Exception");
    }

    private static boolean refusesConnections(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * With the systemd unit's small heap, on a fresh data directory: the first start unpacks the
     * PostgreSQL binaries, which must not need the archive in the heap.
     */
    @Test
    void withNoDatabaseConfiguredServesTheSampleContentFromAnEmbeddedPostgresOnASmallHeap() {
        var content = Path.of(System.getProperty("homeweb.content", "../content"));
        var server =
                JarProcess.start(
                        dir,
                        Map.of(),
                        List.of("-Xmx48m", "-Xmn12m", "-XX:+UseSerialGC"),
                        "serve",
                        "--port",
                        "0",
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--content",
                        content.toString());
        try {
            var port = awaitPort(server);
            var index = Http.onPort(port).get("/");

            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("<a href=\"/blog/");
            assertThat(server.stdout())
                    .contains("from embedded PostgreSQL (data in " + dir.resolve("data"));
            assertThat(server.stderr()).doesNotContain("OutOfMemoryError", "Exception");
        } finally {
            server.process().destroy();
            server.await(30);
        }
    }

    @Test
    void aHeapTooSmallToUnpackTheEmbeddedPostgresSaysWhatToDoWithoutAStackTrace() {
        var result =
                JarProcess.start(
                                dir,
                                Map.of(),
                                List.of("-Xmx10m", "-XX:+UseSerialGC"),
                                "serve",
                                "--port",
                                "0",
                                "--data-dir",
                                dir.resolve("data").toString())
                        .await(120);

        assertThat(result.exitCode()).isEqualTo(1);
        // The JVM reports a little less than -Xmx as its maximum heap.
        assertThat(result.stderr())
                .matches(
                        "home-web: out of memory: the Java heap \\(at most \\d+ MB\\) is too"
                                + " small for this\\. Give it more \\(java -Xmx128m -jar"
                                + " home-web\\.jar \\.\\.\\.; the systemd unit's JAVA_OPTS\\),"
                                + " or use an external PostgreSQL with --database-url-file, which"
                                + " needs less than the embedded one\\.\n");
    }

    private static int awaitPort(JarProcess server) {
        var listening = Pattern.compile("listening on [^:]+:(\\d+)");
        var port = new int[1];
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            if (!server.process().isAlive()) {
                                throw new AssertionError("server exited: " + server.stderr());
                            }
                            var m = listening.matcher(server.stdout());
                            if (m.find()) {
                                port[0] = Integer.parseInt(m.group(1));
                                return true;
                            }
                            return false;
                        });
        return port[0];
    }
}
