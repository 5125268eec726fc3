package dev.homeweb.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.testing.FreePort;
import dev.homeweb.testing.JarProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server under {@code systemd-socket-activate}, as a systemd socket unit would start
 * it: the listening sockets (http, https) are opened before the JVM runs and passed as fds 3 and 4;
 * the JVM binds nothing itself. HTTPS from a chain and key file ({@code --https files}).
 */
class SocketActivationIT {
    private static final String HOST = "blog.test";

    @TempDir static Path dir;
    private static Process server;
    private static HttpsProbe probe;
    private static final int httpPort = FreePort.find();
    private static final int httpsPort = FreePort.find();
    private static HttpsProbe.Answer first;

    @BeforeAll
    static void start() throws Exception {
        Pebble.selfSigned(HOST, "DNS:" + HOST, dir.resolve("key.pem"), dir.resolve("chain.pem"));
        var command =
                List.of(
                        "systemd-socket-activate",
                        "-l",
                        "127.0.0.1:" + httpPort,
                        "-l",
                        "127.0.0.1:" + httpsPort,
                        "--fdname=http:https",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JarProcess.jar().toAbsolutePath().toString(),
                        "serve",
                        "--content",
                        System.getProperty("homeweb.content", "../content"),
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--https",
                        "files",
                        "--base-url",
                        "https://" + HOST + ":" + httpsPort,
                        "--tls-certificate",
                        dir.resolve("chain.pem").toString(),
                        "--tls-key",
                        dir.resolve("key.pem").toString(),
                        "--hsts-max-age",
                        "600");
        var builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("server.log").toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("HOME_WEB_") || k.equals("CREDENTIALS_DIRECTORY"));
        server = builder.start();
        probe = new HttpsProbe(dir.resolve("chain.pem"));
        // systemd-socket-activate starts the JVM on the first connection, which waits in the
        // socket's backlog until the server accepts it: nothing is refused while it starts.
        first = probe.curl("http://" + HOST + ":" + httpPort + "/x?y", HOST, httpPort, "-m", "180");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theFirstRequestWaitsForTheStartAndIsRedirectedToHttps() {
        assertThat(first.status()).isEqualTo(301);
        assertThat(first.headers()).contains("location: https://blog.test:" + httpsPort + "/x?y");
    }

    @Test
    void httpsServesTheSiteWithHstsOverHttp2AndHttp11() {
        var h2 = probe.curl(url("/"), HOST, httpsPort, "--http2");
        var h11 = probe.curl(url("/"), HOST, httpsPort, "--http1.1");

        assertThat(h2.status()).isEqualTo(200);
        assertThat(h2.httpVersion()).isEqualTo("2");
        assertThat(h2.headers()).contains("strict-transport-security: max-age=600\r\n");
        assertThat(h11.status()).isEqualTo(200);
        assertThat(h11.httpVersion()).isEqualTo("1.1");
    }

    @Test
    void healthReportsTheServedCertificate() throws Exception {
        var body = dir.resolve("healthz.json");
        HttpsProbe.run(
                List.of(
                        "curl",
                        "-sS",
                        "--cacert",
                        dir.resolve("chain.pem").toString(),
                        "--resolve",
                        HOST + ":" + httpsPort + ":127.0.0.1",
                        "-o",
                        body.toString(),
                        url("/healthz")));

        assertThat(Files.readString(body))
                .contains("\"tls\":{\"mode\":\"files\",\"expires\":\"")
                .contains("\"serial\":\"" + probe.servedSerial(HOST, httpsPort) + "\"");
    }

    @Test
    void theJvmServesOnTheSocketsSystemdOpenedWithoutBindingThem() throws Exception {
        var log = Files.readString(dir.resolve("server.log"));
        // Had the JVM bound the ports itself, it would have failed with "Address already in use".

        assertThat(log).contains("Listening on 127.0.0.1:" + httpPort + " as 3.");
        assertThat(log).contains("Listening on 127.0.0.1:" + httpsPort + " as 4.");
        assertThat(server.isAlive()).as("server still running; log:\n%s", log).isTrue();
    }

    private static String url(String path) {
        return "https://" + HOST + ":" + httpsPort + path;
    }
}
