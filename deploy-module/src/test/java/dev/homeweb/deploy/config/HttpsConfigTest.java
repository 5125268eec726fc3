package dev.homeweb.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code service.https} and its keys: defaults, layering, and every combination refused. */
class HttpsConfigTest {
    @TempDir Path dir;

    private NodeConfig node(String service) {
        return node(service, "{database-url: {}}");
    }

    private NodeConfig node(String service, String secrets) {
        return DeployConfig.parse(
                        "secrets: "
                                + secrets
                                + "\nnodes:\n  blog:\n    hostname: h\n    service:\n"
                                + service.indent(6),
                        dir)
                .nodes()
                .get("blog");
    }

    @Test
    void httpsIsOffByDefaultAndBareOffReadsAsOff() {
        assertThat(node("port: 8080").service().https()).isEqualTo(HttpsService.OFF);
        assertThat(node("https: off").service().https().mode()).isEqualTo(HttpsService.Mode.OFF);
        assertThat(node("https: off").service().bind()).isEqualTo("127.0.0.1");
    }

    @Test
    void acmeDefaultsToLetsEncryptPortEightyAndEveryAddress() {
        var service =
                node("https: acme\nacme_email: me@example.org\nbase_url: https://blog.example.org")
                        .service();

        assertThat(service.https().mode()).isEqualTo(HttpsService.Mode.ACME);
        assertThat(service.https().acmeDirectory()).isEqualTo(HttpsService.LETS_ENCRYPT);
        assertThat(service.https().hsts())
                .isEqualTo(new HttpsService.Hsts(31_536_000, false, false));
        assertThat(service.port()).isEqualTo(80);
        assertThat(service.bind()).isEqualTo("0.0.0.0");
    }

    @Test
    void acmeKeysComeFromDefaultsAndTheCaRootIsReadRelativeToTheConfig() throws IOException {
        Files.writeString(
                dir.resolve("root.pem"),
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        var config =
                DeployConfig.parse(
                        """
                        defaults:
                          service:
                            https: acme
                            acme_email: me@example.org
                            acme_directory: https://10.0.0.1:14000/dir
                            acme_ca_root: root.pem
                            hsts_max_age: 600
                            hsts_include_subdomains: true
                        secrets: {database-url: {}}
                        nodes:
                          blog:
                            hostname: h
                            service:
                              base_url: https://Blog.example.org
                              redirect_hosts: [www.blog.example.org]
                        """,
                        dir);

        var https = config.nodes().get("blog").service().https();
        assertThat(https.acmeDirectory()).isEqualTo(URI.create("https://10.0.0.1:14000/dir"));
        assertThat(https.acmeCaRoot().orElseThrow().file()).isEqualTo(dir.resolve("root.pem"));
        assertThat(https.acmeCaRoot().orElseThrow().pem())
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(https.redirectHosts()).containsExactly("www.blog.example.org");
        assertThat(https.hsts()).isEqualTo(new HttpsService.Hsts(600, true, false));
    }

    @Test
    void secretsModeNeedsBothTlsSecretsForTheServer() {
        var service =
                node(
                                "https: secrets\nbase_url: https://blog.example.org",
                                "{database-url: {}, tls-certificate: {units: [home-web.service]},"
                                        + " tls-key: {units: [home-web.service]}}")
                        .service();

        assertThat(service.https().mode()).isEqualTo(HttpsService.Mode.SECRETS);
    }

    @Nested
    class Rejects {
        @Test
        void anUnknownMode() {
            assertThatThrownBy(() -> node("https: on"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("'nodes.blog.service.https' is 'on'; use off, acme or secrets");
            assertThatThrownBy(() -> node("https: files"))
                    .hasMessage("'nodes.blog.service.https' is 'files'; use off, acme or secrets");
        }

        @Test
        void acmeWithoutAnEmail() {
            assertThatThrownBy(() -> node("https: acme\nbase_url: https://blog.example.org"))
                    .hasMessageStartingWith("node 'blog': service acme_email is missing");
        }

        @Test
        void anEmailThatIsNotOne() {
            assertThatThrownBy(
                            () ->
                                    node(
                                            "https: acme\nacme_email: me\nbase_url: https://blog.example.org"))
                    .hasMessageStartingWith(
                            "node 'blog': service acme_email 'me' is not an e-mail");
        }

        @Test
        void anIpAddressAsTheHostOfBaseUrl() {
            assertThatThrownBy(
                            () ->
                                    node(
                                            "https: acme\nacme_email: me@example.org\nbase_url: https://203.0.113.7/"))
                    .hasMessage(
                            "node 'blog': service base_url host '203.0.113.7' is an IP address;"
                                    + " https needs a DNS name that points at the node");
        }

        @Test
        void httpsWithALoopbackBind() {
            assertThatThrownBy(
                            () ->
                                    node(
                                            "https: acme\nacme_email: me@example.org\nbase_url: https://blog.example.org\nbind: 127.0.0.1"))
                    .hasMessageStartingWith(
                            "node 'blog': service bind 127.0.0.1 with https: acme: no browser");
        }

        @Test
        void httpsWithoutBaseUrlOrWithAPlainOne() {
            assertThatThrownBy(() -> node("https: acme\nacme_email: me@example.org"))
                    .hasMessageStartingWith(
                            "node 'blog': service base_url is missing: https: acme");
            assertThatThrownBy(
                            () ->
                                    node(
                                            "https: acme\nacme_email: me@example.org\nbase_url: http://blog.example.org"))
                    .hasMessage(
                            "node 'blog': service base_url 'http://blog.example.org' must start"
                                    + " with https:// with https: acme");
        }

        @Test
        void aPlainHttpAcmeDirectory() {
            assertThatThrownBy(
                            () ->
                                    node(
                                            "https: acme\nacme_email: me@example.org\nbase_url: https://b.example.org\nacme_directory: http://ca/dir"))
                    .hasMessageStartingWith(
                            "node 'blog': service acme_directory 'http://ca/dir' is not an https URL");
        }

        @Test
        void aMissingCaRootFileBeforeAnyConnection() {
            assertThatThrownBy(
                            () ->
                                    node(
                                            "https: acme\nacme_email: me@example.org\nbase_url: https://b.example.org\nacme_ca_root: nope.pem"))
                    .hasMessageStartingWith(
                            "'nodes.blog.service.acme_ca_root' file "
                                    + dir.resolve("nope.pem")
                                    + " cannot be read");
        }

        @Test
        void aCaRootThatIsNoCertificate() throws IOException {
            Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
            assertThatThrownBy(
                            () ->
                                    node(
                                            "https: acme\nacme_email: me@example.org\nbase_url: https://b.example.org\nacme_ca_root: key.pem"))
                    .hasMessageContaining("key.pem holds no PEM certificate");
        }

        @Test
        void aRedirectHostThatIsTheCanonicalOneOrAnAddress() {
            var base = "https: acme\nacme_email: me@example.org\nbase_url: https://b.example.org\n";
            assertThatThrownBy(() -> node(base + "redirect_hosts: [b.example.org]"))
                    .hasMessage(
                            "node 'blog': service redirect_hosts names b.example.org, the host of"
                                    + " base_url itself");
            assertThatThrownBy(() -> node(base + "redirect_hosts: [10.1.1.1]"))
                    .hasMessageContaining("redirect_hosts entry '10.1.1.1' is an IP address");
        }

        @Test
        void preloadWithoutIncludeSubdomains() {
            assertThatThrownBy(
                            () ->
                                    node(
                                            "https: acme\nacme_email: me@example.org\nbase_url: https://b.example.org\nhsts_preload: true"))
                    .hasMessageContaining("hsts_preload needs hsts_include_subdomains: true");
        }

        @Test
        void secretsModeWithoutTheKeySecret() {
            assertThatThrownBy(
                            () ->
                                    node(
                                            "https: secrets\nbase_url: https://b.example.org",
                                            "{database-url: {}, tls-certificate: {units: [home-web.service]}}"))
                    .hasMessageStartingWith(
                            "node 'blog' has service https: secrets but gets no secret tls-key for"
                                    + " home-web.service");
        }
    }
}
