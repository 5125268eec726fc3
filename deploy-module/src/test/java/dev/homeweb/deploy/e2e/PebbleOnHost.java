package dev.homeweb.deploy.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Debian's Pebble on the host as the nodes' ACME CA, listening on the host side of a node's veth,
 * with pebble-challtestsrv as its DNS server answering every name (blog.test) with the node's
 * address, so Pebble validates http-01 against the node's port 80 for real. Certificates live
 * {@code validity}: short, so the server renews them while a test watches.
 *
 * <p>(The app's {@code tls.Pebble} runs everything on 127.0.0.1 for a server on the same host; this
 * one spans the veth.)
 */
final class PebbleOnHost implements AutoCloseable {
    /** {@link #freePort()}'s range: below the kernel's ephemeral ports. */
    private static final int FIRST_PORT = 20_000;

    private static final int PORTS = 12_000;
    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private final Path dir;
    private final String hostAddress;
    private final int acmePort = freePort();
    private final int managementPort = freePort();
    private final List<Process> processes = new ArrayList<>();
    private Process ca;

    private PebbleOnHost(Path dir, String hostAddress) {
        this.dir = dir;
        this.hostAddress = hostAddress;
    }

    /**
     * @param hostAddress where the node reaches the host (Pebble listens there)
     * @param nodeAddress what every name resolves to for Pebble's validation
     */
    static PebbleOnHost start(Path dir, String hostAddress, String nodeAddress, Duration validity)
            throws IOException, InterruptedException {
        var pebble = new PebbleOnHost(Files.createDirectories(dir), hostAddress);
        exec(
                "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2"
                        + " -subj /CN=pebble -addext subjectAltName=IP:127.0.0.1,IP:"
                        + hostAddress
                        + " -keyout "
                        + pebble.dir.resolve("listener-key.pem")
                        + " -out "
                        + pebble.listenerCertificate());
        int dnsPort = freePort();
        var dns =
                new ArrayList<>(
                        List.of(
                                "pebble-challtestsrv",
                                "-defaultIPv4",
                                nodeAddress,
                                "-dns01",
                                "127.0.0.1:" + dnsPort,
                                "-management",
                                "127.0.0.1:" + freePort()));
        // Only its DNS server: the node itself answers the challenges.
        for (var server : List.of("-defaultIPv6", "-http01", "-https01", "-tlsalpn01")) {
            dns.addAll(List.of(server, ""));
        }
        pebble.processes.add(
                pebble.spawn("challtestsrv.log", List.of(), dns.toArray(String[]::new)));
        Files.writeString(
                pebble.dir.resolve("pebble.json"),
                """
                {"pebble": {"listenAddress": "%s:%d", "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s", "privateKey": "%s", "httpPort": 80, "tlsPort": 443,
                  "ocspResponderURL": "", "externalAccountBindingRequired": false,
                  "certificateValidityPeriod": %d}}
                """
                        .formatted(
                                hostAddress,
                                pebble.acmePort,
                                pebble.managementPort,
                                pebble.listenerCertificate(),
                                pebble.dir.resolve("listener-key.pem"),
                                validity.toSeconds()));
        pebble.ca =
                pebble.spawn(
                        "pebble.log",
                        // Deterministic: no random sleeps or rejected nonces; no reused
                        // authorizations, so every order is validated against the node.
                        List.of(
                                "PEBBLE_VA_NOSLEEP=1",
                                "PEBBLE_WFE_NONCEREJECT=0",
                                "PEBBLE_AUTHZREUSE=0"),
                        "pebble",
                        "-config",
                        pebble.dir.resolve("pebble.json").toString(),
                        "-dnsserver",
                        "127.0.0.1:" + dnsPort);
        pebble.processes.add(pebble.ca);
        var deadline = Instant.now().plusSeconds(60);
        while (pebble.curl(pebble.directory().toString(), "/dev/null") != 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "Pebble did not answer at " + pebble.directory() + ": " + pebble.log());
            }
            Thread.sleep(200);
        }
        pebble.fetchIssuingRoot();
        return pebble;
    }

    URI directory() {
        return URI.create("https://" + hostAddress + ":" + acmePort + "/dir");
    }

    /** What the ACME client must trust: the certificate of Pebble's own listener. */
    Path listenerCertificate() {
        return dir.resolve("listener.pem");
    }

    /** The root that issues the site's certificates (one per Pebble run, fetched at start). */
    Path issuingRoot() {
        return dir.resolve("issuing-root.pem");
    }

    private void fetchIssuingRoot() throws IOException, InterruptedException {
        var url = "https://127.0.0.1:" + managementPort + "/roots/0";
        if (curl(url, issuingRoot().toString()) != 0) {
            throw new IllegalStateException("Pebble's root is not served at " + url + ": " + log());
        }
    }

    /** The CA stops answering (SIGSTOP), keeping its root for {@link #resume}. */
    void freeze() throws IOException, InterruptedException {
        exec("kill -STOP " + ca.pid());
    }

    void resume() throws IOException, InterruptedException {
        exec("kill -CONT " + ca.pid());
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("pebble.log"));
    }

    @Override
    public void close() {
        for (var process : processes) {
            process.destroyForcibly();
        }
    }

    private int curl(String url, String output) throws IOException, InterruptedException {
        return new ProcessBuilder(
                        "curl",
                        "-sS",
                        "--fail",
                        "--max-time",
                        "5",
                        "--cacert",
                        listenerCertificate().toString(),
                        "-o",
                        output,
                        url)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }

    private Process spawn(String logName, List<String> environment, String... command)
            throws IOException {
        var builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(logName).toFile());
        for (var variable : environment) {
            int eq = variable.indexOf('=');
            builder.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
        }
        return builder.start();
    }

    /** Runs a command line of plain words; fails with its output. */
    static String exec(String commandLine) throws IOException, InterruptedException {
        var process = new ProcessBuilder(commandLine.split(" ")).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(commandLine + " failed:\n" + output);
        }
        return output;
    }

    /**
     * A port nothing listens on now, never the same one twice in this JVM, and from below the
     * kernel's ephemeral range (32768 and up by default): a port from that range that was free when
     * asked can become the local port of any outgoing connection (the tests open hundreds, over SSH
     * and HTTP) before Pebble binds it, which once failed a run with "bind: address already in use"
     * on Pebble's management port.
     */
    static synchronized int freePort() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = FIRST_PORT + RANDOM.nextInt(PORTS);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (var socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // In use by something else: try another.
            }
        }
        throw new IllegalStateException(
                "no free port in " + FIRST_PORT + "-" + (FIRST_PORT + PORTS - 1));
    }
}
