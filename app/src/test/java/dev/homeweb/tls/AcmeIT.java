package dev.homeweb.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.config.HttpsSettings;
import dev.homeweb.config.HttpsSettings.Mode;
import dev.homeweb.testing.FreePort;
import dev.homeweb.testing.MutableClock;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS listeners against a real ACME CA (Debian's Pebble): real http-01 validation on the
 * plain HTTP port, real TLS clients. One CA and one server for the class; the tests run in order
 * because each starts from the certificate the one before left.
 */
@TestMethodOrder(OrderAnnotation.class)
class AcmeIT {
    private static final String HOST = "blog.test";
    private static final String REDIRECT_HOST = "www.blog.test";

    @TempDir static Path dir;
    private static Pebble pebble;
    private static HttpsProbe probe;
    private static final MutableClock clock = new MutableClock(Instant.now());
    private static final int httpPort = FreePort.find();
    private static final int httpsPort = FreePort.find();
    private static Running running;

    /** A Jetty server with the listeners in front of a one-line site. */
    private record Running(Server server, Listeners listeners) {
        static Running start() throws Exception {
            return start(pebble.directory(), dir.resolve("state"), httpPort, httpsPort);
        }

        static Running start(URI directory, Path state, int httpPort, int httpsPort)
                throws Exception {
            var settings =
                    new HttpsSettings(
                            Mode.ACME,
                            httpsPort,
                            HOST,
                            List.of(REDIRECT_HOST),
                            Optional.of(
                                    new HttpsSettings.Acme(
                                            "me@example.org",
                                            directory,
                                            Optional.of(pebble.listenerRoot()))),
                            Optional.empty(),
                            state,
                            new HttpsSettings.Hsts(HttpsSettings.Hsts.ONE_YEAR, false, false));
            var listeners =
                    new Listeners(
                            settings,
                            "https://" + HOST + ":" + httpsPort,
                            "127.0.0.1",
                            httpPort,
                            InheritedSockets.adopt(Optional.empty()),
                            clock,
                            RenewalPolicy.standard());
            var server = new Server();
            for (var connector : listeners.connectors()) {
                server.addConnector(connector.apply(server, new HttpConfiguration()));
            }
            server.setHandler(listeners.front(new Site()));
            server.start();
            try {
                listeners.started();
            } catch (RuntimeException e) {
                server.stop();
                listeners.close();
                throw e;
            }
            return new Running(server, listeners);
        }

        void stop() throws Exception {
            server.stop();
            listeners.close();
        }
    }

    private static final class Site extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            response.write(
                    true, ByteBuffer.wrap("hello\n".getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        pebble = Pebble.start(dir, httpPort);
        running = Running.start();
        probe = new HttpsProbe(pebble.issuingRoot());
    }

    @AfterAll
    static void stop() throws Exception {
        if (running != null) {
            running.stop();
        }
        if (pebble != null) {
            pebble.close();
        }
    }

    @Test
    @Order(1)
    void theFirstStartObtainsACertificateThroughHttp01Validation() throws Exception {
        var status = running.listeners().status().orElseThrow();

        assertThat(status.lastError()).isEmpty();
        assertThat(status.serial()).contains(probe.servedSerial(HOST, httpsPort));
        assertThat(probe.servedSerial(REDIRECT_HOST, httpsPort)).isEqualTo(status.serial().get());
        assertThat(issuedCertificates()).isEqualTo(1);
        assertThat(pebbleLog()).contains("validation").doesNotContain("invalid");
        assertThat(Files.readString(dir.resolve("state/certificate.pem")))
                .contains("BEGIN PRIVATE KEY", "BEGIN CERTIFICATE");
    }

    @Test
    @Order(2)
    void httpsAnswersOverHttp2AndHttp11() {
        var h2 = probe.curl(url("/"), HOST, httpsPort, "--http2");
        var h11 = probe.curl(url("/"), HOST, httpsPort, "--http1.1");

        assertThat(h2.status()).isEqualTo(200);
        assertThat(h2.httpVersion()).isEqualTo("2");
        assertThat(h11.status()).isEqualTo(200);
        assertThat(h11.httpVersion()).isEqualTo("1.1");
    }

    @Test
    @Order(3)
    void plainHttpRedirectsToHttpsWithPathAndQueryKept() {
        var answer = probe.curl("http://" + HOST + ":" + httpPort + "/x?y", HOST, httpPort);

        assertThat(answer.status()).isEqualTo(301);
        assertThat(answer.headers()).contains("location: https://blog.test:" + httpsPort + "/x?y");
    }

    @Test
    @Order(4)
    void aRedirectHostGoesToTheCanonicalHost() {
        var answer =
                probe.curl(
                        "https://" + REDIRECT_HOST + ":" + httpsPort + "/feed.xml",
                        REDIRECT_HOST,
                        httpsPort);

        assertThat(answer.status()).isEqualTo(301);
        assertThat(answer.headers())
                .contains("location: https://blog.test:" + httpsPort + "/feed.xml");
    }

    @Test
    @Order(5)
    void aRestartOrdersNothingNew() throws Exception {
        var before = running.listeners().status().orElseThrow().serial();
        running.stop();

        running = Running.start();

        assertThat(issuedCertificates()).isEqualTo(1);
        assertThat(probe.servedSerial(HOST, httpsPort)).isEqualTo(before.orElseThrow());
    }

    @Test
    @Order(6)
    void aRenewalSwapsTheCertificateUnderLoadWithoutRestartOrFailedRequest() throws Exception {
        var before = probe.servedSerial(HOST, httpsPort);
        var ok = new AtomicInteger();
        var failed = new AtomicInteger();
        var firstRequests = new CountDownLatch(20);
        var renewed = new CountDownLatch(1);
        var afterRenewal = new AtomicInteger();
        var load = new Thread[2];
        for (int i = 0; i < load.length; i++) {
            load[i] =
                    new Thread(
                            () -> {
                                while (afterRenewal.get() < 20) {
                                    try {
                                        if (probe.get(HOST, httpsPort, "/") == 200) {
                                            ok.incrementAndGet();
                                        } else {
                                            failed.incrementAndGet();
                                        }
                                    } catch (Exception e) {
                                        failed.incrementAndGet();
                                    }
                                    firstRequests.countDown();
                                    if (renewed.getCount() == 0) {
                                        afterRenewal.incrementAndGet();
                                    }
                                }
                            });
            load[i].start();
        }
        firstRequests.await();
        // Four years on, a third of Pebble's five-year lifetime is left: renewal is due.
        clock.advance(Duration.ofDays(4 * 365));
        running.listeners().checkRenewalNow();
        renewed.countDown();
        for (var thread : load) {
            thread.join();
        }
        clock.advance(Duration.ofDays(-4 * 365));

        assertThat(issuedCertificates()).isEqualTo(2);
        assertThat(probe.servedSerial(HOST, httpsPort)).isNotEqualTo(before);
        assertThat(running.listeners().status().orElseThrow().serial())
                .contains(probe.servedSerial(HOST, httpsPort));
        assertThat(failed.get()).isZero();
        assertThat(ok.get()).isGreaterThanOrEqualTo(40);
    }

    @Test
    @Order(7)
    void withTheCaDownARenewalKeepsServingAndReportsTheError() throws Exception {
        var before = probe.servedSerial(HOST, httpsPort);
        pebble.stopCa();
        clock.advance(Duration.ofDays(4 * 365));

        running.listeners().checkRenewalNow();

        var status = running.listeners().status().orElseThrow();
        assertThat(status.lastError().orElseThrow())
                .startsWith("ACME order at " + pebble.directory() + " failed");
        assertThat(status.lastErrorAt()).contains(clock.instant());
        assertThat(status.serial()).contains(before);
        assertThat(probe.servedSerial(HOST, httpsPort)).isEqualTo(before);
        assertThat(probe.get(HOST, httpsPort, "/")).isEqualTo(200);
    }

    @Test
    @Order(8)
    void aFirstStartWithTheCaUnreachableFailsSayingWhy() {
        var nowhere = URI.create("https://127.0.0.1:" + FreePort.find() + "/dir");

        assertThatThrownBy(
                        () ->
                                Running.start(
                                        nowhere,
                                        dir.resolve("other-state"),
                                        FreePort.find(),
                                        FreePort.find()))
                .isInstanceOf(TlsException.class)
                .hasMessageStartingWith("ACME order at " + nowhere + " failed: ");
        assertThat(dir.resolve("other-state/certificate.pem")).doesNotExist();
    }

    @Test
    @Order(9)
    void aTlsScannerFindsNoOldProtocolAndNoWeakSuite() {
        var report =
                HttpsProbe.run(
                        List.of(
                                "sslscan",
                                "--no-colour",
                                "--sni-name=" + HOST,
                                "127.0.0.1:" + httpsPort));

        assertThat(TlsScan.problems(report)).isEmpty();
        assertThat(report).contains("TLSv1.3   enabled", "TLSv1.2   enabled");
    }

    private static String url(String path) {
        return "https://" + HOST + ":" + httpsPort + path;
    }

    private static long issuedCertificates() throws Exception {
        return Pattern.compile("Issued certificate serial").matcher(pebbleLog()).results().count();
    }

    private static String pebbleLog() throws Exception {
        return Files.readString(dir.resolve("pebble.log"));
    }
}
