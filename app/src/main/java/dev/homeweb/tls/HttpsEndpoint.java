package dev.homeweb.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;
import java.util.Optional;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.jspecify.annotations.Nullable;

/**
 * The HTTPS listener: TLS 1.2 and 1.3 with forward-secret AEAD suites only, HTTP/2 by ALPN and
 * HTTP/1.1. A new certificate replaces the old one in place ({@link SslContextFactory#reload}):
 * connections open stay as they are, new ones get the new certificate, none is refused.
 */
final class HttpsEndpoint {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** Mozilla's "intermediate" list without the DHE suites, in order of preference. */
    static final String[] CIPHER_SUITES = {
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    };

    private final String bind;
    private final int port;
    private final InheritedSockets sockets;
    private final SslContextFactory.Server ssl = new SslContextFactory.Server();
    private volatile @Nullable ServedCertificate served;
    private @Nullable ServerConnector connector;

    HttpsEndpoint(String bind, int port, InheritedSockets sockets) {
        this.bind = bind;
        this.port = port;
        this.sockets = sockets;
        ssl.setIncludeProtocols(PROTOCOLS);
        ssl.setIncludeCipherSuites(CIPHER_SUITES);
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
        ssl.setUseCipherSuitesOrder(true);
        ssl.setRenegotiationAllowed(false);
        ssl.setKeyStorePassword(ServedCertificate.KEY_STORE_PASSWORD);
    }

    /** Serves this certificate from now on; before the listener opens, from its start. */
    void install(ServedCertificate certificate) {
        if (ssl.isStarted()) {
            try {
                ssl.reload(factory -> factory.setKeyStore(certificate.keyStore()));
            } catch (Exception e) {
                throw new TlsException("cannot load the new certificate: " + e.getMessage(), e);
            }
        } else {
            ssl.setKeyStore(certificate.keyStore());
        }
        served = certificate;
    }

    ServerConnector connector(Server server, HttpConfiguration plain) {
        var config = new HttpConfiguration(plain);
        var secure = new SecureRequestCustomizer();
        // One certificate for all the site's names: no SNI-to-Host check to fail on.
        secure.setSniHostCheck(false);
        config.addCustomizer(secure);
        config.setSecureScheme("https");
        var http11 = new HttpConnectionFactory(config);
        var h2 = new HTTP2ServerConnectionFactory(config);
        var alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol(http11.getProtocol());
        var tls = new SslConnectionFactory(ssl, alpn.getProtocol());
        var created = new ServerConnector(server, tls, alpn, h2, http11);
        listen(created, sockets.take("https"), bind, port);
        connector = created;
        return created;
    }

    boolean isOpen() {
        return connector != null;
    }

    int localPort() {
        return connector == null ? -1 : connector.getLocalPort();
    }

    TlsStatus status(String mode) {
        var certificate = Optional.ofNullable(served);
        return new TlsStatus(
                mode,
                certificate.map(ServedCertificate::notAfter),
                certificate.map(ServedCertificate::serial),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Accepts on the socket systemd passed, or binds the address itself. */
    static void listen(
            ServerConnector connector,
            Optional<ServerSocketChannel> passed,
            String bind,
            int port) {
        if (passed.isPresent()) {
            try {
                connector.open(passed.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on the socket systemd passed", e);
            }
        } else {
            connector.setHost(bind);
            connector.setPort(port);
        }
    }
}
