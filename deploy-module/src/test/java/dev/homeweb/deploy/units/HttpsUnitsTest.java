package dev.homeweb.deploy.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a node gets for {@code service.https}: serve options, state, credentials, sockets. */
class HttpsUnitsTest {
    static final String ACME_NODE =
            """
            hostname: h
            service:
              https: acme
              acme_email: me@example.org
              base_url: https://blog.example.org
              redirect_hosts: [www.blog.example.org]
            """;

    static final String TLS_SECRETS =
            "{database-url: {}, tls-certificate: {units: [home-web.service]},"
                    + " tls-key: {units: [home-web.service]}}";

    @TempDir Path dir;

    @Test
    void acmePassesItsOptionsAndKeepsItsStateInAStateDirectoryOfItsOwn() {
        var server =
                UnitFileRendererTest.text(
                        UnitFileRendererTest.render(UnitFileRendererTest.node(ACME_NODE)),
                        "home-web.service");

        assertThat(server)
                .contains(
                        """
                        StateDirectory=home-web-tls
                        StateDirectoryMode=0700
                        ExecStart=/var/lib/home-web/current/runtime/bin/java -XX:-UsePerfData $HOME_WEB_RELEASE_JAVA_OPTIONS -Xmx48m -Xmn12m -XX:+UseSerialGC -jar /var/lib/home-web/current/home-web.jar serve \\
                            --https acme \\
                            --acme-email me@example.org \\
                            --acme-directory https://acme-v02.api.letsencrypt.org/directory \\
                            --tls-state-dir /var/lib/home-web-tls \\
                            --redirect-hosts www.blog.example.org \\
                            --hsts-max-age 31536000
                        """)
                .contains("Environment=HOME_WEB_PORT=80\nEnvironment=HOME_WEB_BIND=0.0.0.0\n")
                .contains("Requires=home-web-http.socket home-web-https.socket\n")
                .doesNotContain("CAP_NET_BIND_SERVICE");
    }

    @Test
    void bothPortsAreSocketsSystemdOpensSoTheJvmNeedsNoPrivilege() {
        var files = UnitFileRendererTest.render(UnitFileRendererTest.node(ACME_NODE));

        assertThat(UnitFileRendererTest.text(files, "home-web-http.socket"))
                .contains("ListenStream=0.0.0.0:80\nFileDescriptorName=http\n");
        assertThat(UnitFileRendererTest.text(files, "home-web-https.socket"))
                .contains("ListenStream=0.0.0.0:443\nFileDescriptorName=https\n");
    }

    @Test
    void theAcmeCaRootIsShippedBesideTheReleasesAndPassed() throws IOException {
        var pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        Files.writeString(dir.resolve("ca.pem"), pem);
        var config =
                dev.homeweb.deploy.config.DeployConfig.parse(
                        "secrets: {database-url: {}}\nnodes:\n  blog:\n"
                                + (ACME_NODE + "  acme_ca_root: ca.pem\n").indent(4),
                        dir);
        var files = UnitFileRendererTest.render(config.nodes().get("blog"));

        var root =
                files.stream()
                        .filter(f -> f.name().equals("acme-ca-root.pem"))
                        .findFirst()
                        .orElseThrow();
        assertThat(root.path()).isEqualTo("/var/lib/home-web/etc/acme-ca-root.pem");
        assertThat(root.mode()).isEqualTo("0644");
        assertThat(root.text()).isEqualTo(pem);
        assertThat(root.isSystemdUnit()).isFalse();
        assertThat(UnitFileRendererTest.text(files, "home-web.service"))
                .contains("    --acme-ca-root /var/lib/home-web/etc/acme-ca-root.pem \\\n");
    }

    @Test
    void secretsLoadsTheChainAndKeyAsCredentialsOfTheServerAlone() {
        var files =
                UnitFileRendererTest.render(
                        UnitFileRendererTest.node(
                                """
                                hostname: h
                                service:
                                  https: secrets
                                  base_url: https://blog.example.org
                                  hsts_max_age: 600
                                  hsts_include_subdomains: true
                                """,
                                TLS_SECRETS));
        var server = UnitFileRendererTest.text(files, "home-web.service");

        assertThat(server)
                .contains(
                        "LoadCredential=tls-certificate:/etc/credstore/home-web/tls-certificate\n"
                                + "LoadCredential=tls-key:/etc/credstore/home-web/tls-key\n")
                .contains(
                        " serve \\\n    --https files \\\n    --hsts-max-age 600 \\\n"
                                + "    --hsts-include-subdomains true\n")
                .doesNotContain("StateDirectory=home-web-tls");
        assertThat(UnitFileRendererTest.text(files, "home-web-import.service"))
                .doesNotContain("tls-key");
    }

    @Test
    void offRendersNoHttpsOptionsAndOneSocket() {
        var files = UnitFileRendererTest.render(UnitFileRendererTest.node("hostname: h\n"));

        assertThat(UnitFileRendererTest.text(files, "home-web.service"))
                .doesNotContain("--https")
                .doesNotContain("StateDirectory=home-web-tls")
                .contains(" serve\n");
        assertThat(files).noneMatch(f -> f.name().equals("home-web-https.socket"));
    }
}
