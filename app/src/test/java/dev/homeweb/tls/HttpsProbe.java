package dev.homeweb.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Clients for a server on 127.0.0.1 that must be addressed as a test host name: curl with {@code
 * --resolve} for HTTP/2 and headers, and a plain JDK TLS socket that verifies the certificate
 * against the host name (for the serial served and for load).
 */
final class HttpsProbe {
    private final Path root;
    private final SSLContext context;

    HttpsProbe(Path root) {
        this.root = root;
        this.context = trusting(root);
    }

    /** What curl saw: status line's code, HTTP version and the response headers (lower-case). */
    record Answer(int status, String httpVersion, String headers) {}

    Answer curl(String url, String host, int port, String... options) {
        var command = new ArrayList<>(List.of("curl", "-sS", "--cacert", root.toString()));
        command.addAll(List.of("--resolve", host + ":" + port + ":127.0.0.1"));
        command.addAll(List.of(options));
        command.addAll(List.of("-D", "-", "-o", "/dev/null", "-w", "\\n%{http_version}", url));
        var output = run(command);
        var lines = output.strip().split("\\R");
        var statusLine = lines[0].split(" ");
        return new Answer(
                Integer.parseInt(statusLine[1]),
                lines[lines.length - 1],
                output.toLowerCase(Locale.ROOT));
    }

    /** The serial of the certificate served to a client asking for this host. */
    String servedSerial(String host, int port) {
        try (var socket = connect(host, port)) {
            var leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return leaf.getSerialNumber().toString(16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One GET over a new TLS connection (a new handshake each time); the status code. */
    int get(String host, int port, String path) throws IOException {
        try (var socket = connect(host, port)) {
            var request =
                    "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            var response =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    private SSLSocket connect(String host, int port) throws IOException {
        var plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        plain.setSoTimeout(10_000);
        var socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        var parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    static String run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(Path root) {
        try {
            return TrustedRoots.context(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust " + root + ": " + e, e);
        }
    }
}
