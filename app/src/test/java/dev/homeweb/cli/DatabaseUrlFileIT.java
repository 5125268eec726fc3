package dev.homeweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.testing.FreePort;
import dev.homeweb.testing.JarProcess;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * --database-url-file, HOME_WEB_DATABASE_URL_FILE and the systemd credential: every way the URL
 * file goes wrong, and when it is right.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseUrlFileIT extends RunsTheJar {
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
                privateFile("url", "postgresql://blog:TopSecret99@127.0.0.1:" + port + "/blog\n");
        var args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--database-url-file", file.toString(), "--content", sampleContent()));

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
    void fileOthersCanReadIsUsedWithAWarningThatSaysHowToFixIt(TestDatabase db) throws Exception {
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
                        dir, Map.of("CREDENTIALS_DIRECTORY", credentials.toString()), "migrate");

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
