package dev.homeweb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.config.HttpsSettings.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsSettingsTest {
    private static final Map<String, String> ENV = Map.of("XDG_DATA_HOME", "/data");

    private static HttpsSettings https(Map<String, String> options) {
        return AppConfig.from(options, ENV).https();
    }

    private static Map<String, String> acme(String... more) {
        var options = new HashMap<String, String>();
        options.put("https", "acme");
        options.put("base-url", "https://blog.example.org");
        options.put("acme-email", "me@example.org");
        for (int i = 0; i < more.length; i += 2) {
            options.put(more[i], more[i + 1]);
        }
        return options;
    }

    @Test
    void offIsTheDefaultAndNeedsNothing() {
        var settings = https(Map.of());

        assertThat(settings.mode()).isEqualTo(Mode.OFF);
        assertThat(settings.socketNames()).containsExactly("http");
        assertThat(settings.hsts().headerValue()).isEqualTo("max-age=31536000");
    }

    @Test
    void acmeDefaultsToLetsEncryptAndAStateDirectoryOutsideTheRelease() {
        var settings = https(acme("redirect-hosts", "www.blog.example.org, Old.Example.org"));

        assertThat(settings.acme().orElseThrow().directory())
                .hasToString("https://acme-v02.api.letsencrypt.org/directory");
        assertThat(settings.hosts())
                .containsExactly("blog.example.org", "www.blog.example.org", "old.example.org");
        assertThat(settings.stateDir()).isEqualTo(Path.of("/data/home-web/tls"));
        assertThat(settings.httpsPort()).isEqualTo(443);
        assertThat(settings.socketNames()).containsExactly("http", "https");
    }

    @Test
    void systemdsStateDirectoryHoldsTheStateWhenSet() {
        var settings =
                AppConfig.from(acme(), Map.of("STATE_DIRECTORY", "/var/lib/home-web")).https();

        assertThat(settings.stateDir()).isEqualTo(Path.of("/var/lib/home-web/tls"));
    }

    @Nested
    class BadCombinationsFailNamingTheOption {
        @Test
        void acmeWithoutAnEmail() {
            var options = acme();
            options.remove("acme-email");
            assertThatThrownBy(() -> https(options))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("--acme-email is required with --https acme");
        }

        @Test
        void anIpAddressAsHostName() {
            assertThatThrownBy(() -> https(acme("base-url", "https://203.0.113.7")))
                    .hasMessage(
                            "--base-url has the IP address 203.0.113.7 as host name; --https acme"
                                    + " needs a DNS name such as blog.example.org");
            assertThatThrownBy(() -> https(acme("redirect-hosts", "[2001:db8::1]")))
                    .hasMessageStartingWith("--redirect-hosts has the IP address [2001:db8::1]");
        }

        @Test
        void httpsWithAPlainHttpBaseUrl() {
            assertThatThrownBy(() -> https(acme("base-url", "http://blog.example.org")))
                    .hasMessage(
                            "--base-url 'http://blog.example.org' must start with https:// when"
                                    + " --https is acme");
        }

        @Test
        void anUnknownMode() {
            assertThatThrownBy(() -> https(Map.of("https", "on")))
                    .hasMessage("--https 'on' is not one of off, acme, files");
        }

        @Test
        void aDirectoryThatIsNotHttps() {
            assertThatThrownBy(() -> https(acme("acme-directory", "http://ca.test/dir")))
                    .hasMessageStartingWith(
                            "--acme-directory 'http://ca.test/dir' is not an https URL");
        }

        @Test
        void aMissingCaRoot() {
            assertThatThrownBy(() -> https(acme("acme-ca-root", "/nonexistent/root.pem")))
                    .hasMessage(
                            "--acme-ca-root /nonexistent/root.pem does not exist or is not a file");
        }

        @Test
        void theCanonicalHostAsRedirectHost() {
            assertThatThrownBy(() -> https(acme("redirect-hosts", "blog.example.org")))
                    .hasMessage(
                            "--redirect-hosts names blog.example.org, the host of --base-url itself");
        }

        @Test
        void preloadWithoutSubdomains() {
            assertThatThrownBy(() -> https(Map.of("hsts-preload", "true")))
                    .hasMessageStartingWith("--hsts-preload needs --hsts-include-subdomains true");
        }

        @Test
        void aBooleanThatIsNone() {
            assertThatThrownBy(() -> https(Map.of("hsts-include-subdomains", "yes")))
                    .hasMessage("--hsts-include-subdomains 'yes' is neither true nor false");
        }

        @Test
        void filesWithoutCertificate() {
            assertThatThrownBy(
                            () ->
                                    https(
                                            Map.of(
                                                    "https",
                                                    "files",
                                                    "base-url",
                                                    "https://blog.example.org")))
                    .hasMessage(
                            "--tls-certificate is required with --https files (or a systemd"
                                    + " credential named tls-certificate)");
        }
    }

    @Test
    void filesComeFromSystemdCredentialsWhenNotNamed(@TempDir Path credentials) throws Exception {
        Files.writeString(credentials.resolve("tls-certificate"), "chain");
        Files.writeString(credentials.resolve("tls-key"), "key");

        var settings =
                AppConfig.from(
                                Map.of("https", "files", "base-url", "https://blog.example.org"),
                                Map.of("CREDENTIALS_DIRECTORY", credentials.toString()))
                        .https();

        var files = settings.files().orElseThrow();
        assertThat(files.certificateChain()).isEqualTo(credentials.resolve("tls-certificate"));
        assertThat(files.privateKey()).isEqualTo(credentials.resolve("tls-key"));
    }

    @Test
    void hstsTakesItsOptions() {
        var settings =
                https(
                        Map.of(
                                "hsts-max-age", "63072000",
                                "hsts-include-subdomains", "true",
                                "hsts-preload", "true"));

        assertThat(settings.hsts().headerValue())
                .isEqualTo("max-age=63072000; includeSubDomains; preload");
    }

    @Nested
    class SocketsFromSystemd {
        private final String pid = Long.toString(ProcessHandle.current().pid());

        private AppConfig config(Map<String, String> options, Map<String, String> environment) {
            return AppConfig.from(options, environment);
        }

        @Test
        void socketsForAnotherProcessAreIgnored() {
            var config = config(Map.of(), Map.of("LISTEN_PID", "1", "LISTEN_FDS", "2"));
            assertThat(config.sockets()).isEmpty();
        }

        @Test
        void oneUnnamedSocketServesPlainHttp() {
            var config = config(Map.of(), Map.of("LISTEN_PID", pid, "LISTEN_FDS", "1"));
            assertThat(config.sockets().orElseThrow().names()).containsExactly("http");
        }

        @Test
        void httpsNeedsBothNamedSockets() {
            var env = Map.of("LISTEN_PID", pid, "LISTEN_FDS", "1", "LISTEN_FDNAMES", "https");
            assertThatThrownBy(() -> config(acme(), env))
                    .hasMessage(
                            "LISTEN_FDNAMES https: systemd must pass exactly the sockets named"
                                    + " http and https for this --https setting");
        }

        @Test
        void namesMustMatchTheCount() {
            var env = Map.of("LISTEN_PID", pid, "LISTEN_FDS", "2", "LISTEN_FDNAMES", "http");
            assertThatThrownBy(() -> config(Map.of(), env))
                    .hasMessage("LISTEN_FDNAMES 'http' names 1 socket(s) but LISTEN_FDS is 2");
        }

        @Test
        void bothNamedSocketsServeHttps() {
            var env = Map.of("LISTEN_PID", pid, "LISTEN_FDS", "2", "LISTEN_FDNAMES", "https:http");
            assertThat(config(acme(), env).sockets().orElseThrow().names())
                    .isEqualTo(List.of("https", "http"));
        }
    }
}
