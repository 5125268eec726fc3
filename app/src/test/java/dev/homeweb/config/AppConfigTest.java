package dev.homeweb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    @Test
    void defaultsServeOnLoopbackPort8080WithTheEmbeddedDatabase() {
        var config = AppConfig.from(Map.of(), Map.of("XDG_DATA_HOME", "/data"));

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.databaseUrlFile()).isEmpty();
        assertThat(config.contentDir()).isEqualTo(Path.of("content"));
        assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.dataDir()).isEqualTo(Path.of("/data/home-web"));
        assertThat(config.databaseUrl()).isEmpty();
    }

    @Test
    void flagsWinOverEnvironmentVariables() {
        var config =
                AppConfig.from(
                        Map.of("port", "9000"),
                        Map.of(
                                "HOME_WEB_PORT",
                                "7000",
                                "HOME_WEB_SITE_TITLE",
                                "Notes",
                                "HOME_WEB_BASE_URL",
                                "https://example.org/"));

        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.siteTitle()).contains("Notes");
        assertThat(config.baseUrl()).isEqualTo("https://example.org");
        assertThat(config.absolute("/blog/x")).isEqualTo("https://example.org/blog/x");
    }

    @Test
    void usesTheSystemdCredentialWhenNoFileIsNamed(@TempDir Path credentials) throws Exception {
        Files.writeString(credentials.resolve("database-url"), "postgresql://u:p@db:5432/blog\n");

        var config =
                AppConfig.from(Map.of(), Map.of("CREDENTIALS_DIRECTORY", credentials.toString()));

        assertThat(config.databaseUrlFile()).contains(credentials.resolve("database-url"));
        assertThat(config.databaseUrl().orElseThrow().jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/blog");
    }

    @Test
    void anExplicitFileWinsOverTheSystemdCredential(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("database-url"), "postgresql://u:p@creds/blog");
        var mine = Files.writeString(dir.resolve("mine"), "postgresql://u:p@mine/blog");

        var config =
                AppConfig.from(
                        Map.of("database-url-file", mine.toString()),
                        Map.of("CREDENTIALS_DIRECTORY", dir.toString()));

        assertThat(config.databaseUrl().orElseThrow().jdbcUrl())
                .isEqualTo("jdbc:postgresql://mine/blog");
    }

    @Nested
    class RejectsBadValues {
        @Test
        void portThatIsNotANumber() {
            assertThatThrownBy(() -> AppConfig.from(Map.of("port", "eighty"), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("--port 'eighty' is not a number; use 1-65535");
        }

        @Test
        void portOutOfRange() {
            assertThatThrownBy(() -> AppConfig.from(Map.of(), Map.of("HOME_WEB_PORT", "70000")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("--port 70000 is out of range");
        }

        @Test
        void relativeBaseUrl() {
            assertThatThrownBy(
                            () -> AppConfig.from(Map.of("base-url", "blog.example.org"), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(
                            "--base-url 'blog.example.org' is not an absolute http(s) URL");
        }

        @Test
        void discussAddressWithoutAt() {
            assertThatThrownBy(() -> AppConfig.from(Map.of("discuss-email", "me"), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("--discuss-email 'me'");
        }

        @Test
        void unknownOption() {
            assertThatThrownBy(() -> AppConfig.from(Map.of("colour", "red"), Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("unknown option --colour");
        }
    }

    @Nested
    class DatabaseUrlFile {
        @TempDir Path dir;

        AppConfig reading(Path file) {
            return AppConfig.from(Map.of("database-url-file", file.toString()), Map.of());
        }

        /** The config of a database-URL file holding {@code text}. */
        AppConfig readingAFileOf(String text) throws IOException {
            return reading(Files.writeString(dir.resolve("url"), text));
        }

        @Test
        void missingFileNamesThePath() {
            var file = dir.resolve("nope");
            var config = reading(file);

            assertThatThrownBy(config::databaseUrl)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(
                            "database-URL file "
                                    + file
                                    + " does not exist; create it with the URL on one line, mode 0600");
        }

        @Test
        void emptyFileSaysWhatBelongsInIt() throws Exception {
            var config = readingAFileOf("  \n");

            assertThatThrownBy(config::databaseUrl)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("is empty");
        }

        @Test
        void badUrlIsRejectedWithoutEchoingThePassword() throws Exception {
            var config = readingAFileOf("mysql://admin:s3cret@db/blog");

            assertThatThrownBy(config::databaseUrl)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("scheme 'mysql'")
                    .message()
                    .doesNotContain("s3cret");
        }

        @Test
        void surroundingWhitespaceIsIgnored() throws Exception {
            var config = readingAFileOf("\n  jdbc:postgresql://db/blog?user=x  \n\n");

            assertThat(config.databaseUrl())
                    .map(DatabaseUrl::jdbcUrl)
                    .isEqualTo(Optional.of("jdbc:postgresql://db/blog?user=x"));
        }
    }

    @Nested
    class StateDirectory {
        @Test
        void isNoneOutsideSystemdUnlessNamed() {
            assertThat(AppConfig.from(Map.of(), Map.of()).stateDir()).isEmpty();
        }

        @Test
        void isTheFirstOfSystemdsStateDirectories() {
            var config =
                    AppConfig.from(
                            Map.of(),
                            Map.of("STATE_DIRECTORY", "/var/lib/a:/var/lib/home-web-tls"));

            assertThat(config.stateDir()).contains(Path.of("/var/lib/a"));
        }

        @Test
        void theOptionAndItsVariableWinOverSystemds() {
            var systemd = Map.of("STATE_DIRECTORY", "/var/lib/a", "HOME_WEB_STATE_DIR", "/env");

            assertThat(AppConfig.from(Map.of(), systemd).stateDir()).contains(Path.of("/env"));
            assertThat(AppConfig.from(Map.of("state-dir", "/flag"), systemd).stateDir())
                    .contains(Path.of("/flag"));
        }
    }
}
