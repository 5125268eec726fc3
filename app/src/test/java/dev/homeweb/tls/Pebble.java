package dev.homeweb.tls;

import dev.homeweb.testing.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Debian's Pebble, a real ACME CA for tests, with pebble-challtestsrv as its DNS server answering
 * every name with 127.0.0.1. Pebble validates http-01 on {@code httpPort} of that address: the port
 * the server under test listens on for plain HTTP.
 */
final class Pebble implements AutoCloseable {
    private final Path dir;
    private final int acmePort;
    private final int managementPort;
    private final int dnsPort;
    private final int httpPort;
    private final List<Process> processes = new ArrayList<>();

    private Pebble(Path dir, int httpPort) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.acmePort = FreePort.find();
        this.managementPort = FreePort.find();
        this.dnsPort = FreePort.find();
    }

    static Pebble start(Path dir, int httpPort) {
        var pebble = new Pebble(dir, httpPort);
        pebble.listenerCertificate();
        pebble.startDns();
        pebble.startCa();
        return pebble;
    }

    URI directory() {
        return URI.create("https://127.0.0.1:" + acmePort + "/dir");
    }

    /** The certificate of Pebble's own listener: what the ACME client must trust. */
    Path listenerRoot() {
        return dir.resolve("pebble-cert.pem");
    }

    /** The root that issues the site's certificates (new at each start). */
    Path issuingRoot() {
        var root = dir.resolve("issuing-root.pem");
        run(fetch("https://127.0.0.1:" + managementPort + "/roots/0", root.toString()));
        return root;
    }

    /** Stops the CA, keeping its DNS: orders fail as when the CA is down. */
    void stopCa() {
        var ca = processes.remove(processes.size() - 1);
        ca.destroy();
        try {
            ca.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (var process : processes) {
            process.destroy();
        }
    }

    private void listenerCertificate() {
        selfSigned(
                "pebble",
                "IP:127.0.0.1,DNS:localhost",
                dir.resolve("pebble-key.pem"),
                listenerRoot());
    }

    /** A two-day self-signed P-256 certificate and its key, made by openssl. */
    static void selfSigned(String commonName, String subjectAltName, Path key, Path certificate) {
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=" + commonName,
                "-addext",
                "subjectAltName=" + subjectAltName,
                "-keyout",
                key.toString(),
                "-out",
                certificate.toString());
    }

    private void startDns() {
        spawn(
                Map.of(),
                "pebble-challtestsrv",
                "-defaultIPv4",
                "127.0.0.1",
                "-defaultIPv6",
                "",
                "-dns01",
                "127.0.0.1:" + dnsPort,
                "-http01",
                "",
                "-https01",
                "",
                "-tlsalpn01",
                "",
                "-management",
                "127.0.0.1:" + FreePort.find());
    }

    private void startCa() {
        var config = dir.resolve("pebble-config.json");
        write(
                config,
                """
                {"pebble": {
                  "listenAddress": "127.0.0.1:%d",
                  "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s",
                  "privateKey": "%s",
                  "httpPort": %d,
                  "tlsPort": %d,
                  "ocspResponderURL": "",
                  "externalAccountBindingRequired": false
                }}
                """
                        .formatted(
                                acmePort,
                                managementPort,
                                listenerRoot(),
                                dir.resolve("pebble-key.pem"),
                                httpPort,
                                FreePort.find()));
        // Deterministic: no random validation sleeps, no rejected nonces, no reused
        // authorizations (every order validates for real).
        spawn(
                Map.of(
                        "PEBBLE_VA_NOSLEEP", "1",
                        "PEBBLE_WFE_NONCEREJECT", "0",
                        "PEBBLE_AUTHZREUSE", "0"),
                "pebble",
                "-config",
                config.toString(),
                "-dnsserver",
                "127.0.0.1:" + dnsPort);
        Awaitility.await("Pebble's directory at " + directory())
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> quietly(fetch(directory().toString(), "/dev/null")) == 0);
    }

    /** curl trusting Pebble's listener, failing on an HTTP error. */
    private String[] fetch(String url, String output) {
        return new String[] {
            "curl", "-sS", "--fail", "--cacert", listenerRoot().toString(), "-o", output, url
        };
    }

    private void spawn(Map<String, String> environment, String... command) {
        var name = Path.of(command[0]).getFileName().toString();
        var builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        try {
            processes.add(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    name + " is not installed: run tools/prerequisites (Debian package pebble)", e);
        }
    }

    static void run(String... command) {
        if (quietly(command) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static int quietly(String... command) {
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
