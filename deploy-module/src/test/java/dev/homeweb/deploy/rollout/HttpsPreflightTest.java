package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.config.HttpsService;
import dev.homeweb.deploy.config.ServiceOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The https checks before the switch and the probe through the https listener. */
class HttpsPreflightTest {
    static HttpsService acme(URI directory) {
        return new HttpsService(
                HttpsService.Mode.ACME,
                Optional.of("me@example.org"),
                directory,
                Optional.empty(),
                List.of(),
                HttpsService.OFF.hsts());
    }

    @Test
    void anAcmeDirectoryNobodyAnswersFailsWithCurlsReasonWhenNoCertificateIsStored()
            throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var script =
                ProbeScripts.httpsPreflight(
                        acme(URI.create("https://127.0.0.1:" + closed + "/dir")));

        var result = sh(script);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(5);
        assertThat(result.err()).contains("curl: (7)").contains(String.valueOf(closed));
    }

    @Test
    void secretsModeOnlyNeedsCurl() throws Exception {
        var https =
                new HttpsService(
                        HttpsService.Mode.SECRETS,
                        Optional.empty(),
                        HttpsService.LETS_ENCRYPT,
                        Optional.empty(),
                        List.of(),
                        HttpsService.OFF.hsts());

        var result = sh(ProbeScripts.httpsPreflight(https));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("reachable\n");
    }

    @Test
    void theHttpsProbeAsksTheCanonicalHostOnTheNodesOwnAddress() {
        var service =
                new ServiceOptions(
                        80,
                        "0.0.0.0",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("https://blog.example.org"),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        acme(HttpsService.LETS_ENCRYPT));

        assertThat(
                        ProbeScripts.probe(
                                new dev.homeweb.deploy.units.NodeLayout("/srv/blog"), service))
                .isEqualTo(
                        """
                        systemctl show home-web.service -p ActiveState -p NRestarts
                        echo "body=$(curl -sS --insecure --max-time 3 --resolve blog.example.org:443:127.0.0.1 https://blog.example.org/healthz 2>/dev/null || true)"
                        """);
    }

    @Test
    void theProbeReadsTheCertificatesExpiryAndLastError() {
        var probe =
                HealthProbe.parse(
                        """
                        ActiveState=active
                        NRestarts=0
                        body={"status":"ok","release":"r1","tls":{"mode":"acme","expires":"2027-03-01T10:00:00Z","lastError":"connection refused","lastErrorAt":"2026-12-02T01:00:00Z"}}
                        """);

        assertThat(probe.describe())
                .isEqualTo(
                        "unit active, restarts 0, healthz ok (release r1), certificate (acme)"
                                + " valid until 2027-03-01T10:00:00Z; last error at"
                                + " 2026-12-02T01:00:00Z: connection refused");
    }

    record Result(int exitCode, String out, String err) {}

    static Result sh(String script) throws IOException, InterruptedException {
        var process = new ProcessBuilder("sh", "-euc", script).start();
        process.getOutputStream().close();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out, err);
    }
}
