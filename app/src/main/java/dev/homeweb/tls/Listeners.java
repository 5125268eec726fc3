package dev.homeweb.tls;

import dev.homeweb.config.AppConfig;
import dev.homeweb.config.HttpsSettings;
import dev.homeweb.config.HttpsSettings.Mode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;

/**
 * The server's listeners: plain HTTP alone ({@code --https off}), or HTTPS with HTTP beside it for
 * redirects and ACME challenges. Each listens on the socket systemd passed under its name ({@code
 * http}, {@code https}) or binds {@code --bind} with {@code --port} / {@code --https-port} itself.
 *
 * <p>Use: add {@link #connectors()} and {@link #front(Handler)} to the Jetty server before it
 * starts, call {@link #started()} once it has, {@link #close()} after it stopped.
 */
public final class Listeners implements AutoCloseable {
    private final HttpsSettings https;
    private final String bind;
    private final int port;
    private final InheritedSockets sockets;
    private final ChallengeTokens tokens = new ChallengeTokens();
    private final RedirectRules rules;
    private final HttpsEndpoint endpoint;
    private final @Nullable CertificateKeeper keeper;
    private @Nullable Server server;
    private @Nullable ServerConnector httpConnector;

    Listeners(
            HttpsSettings https,
            String baseUrl,
            String bind,
            int port,
            InheritedSockets sockets,
            Clock clock,
            RenewalPolicy policy) {
        this.https = https;
        this.bind = bind;
        this.port = port;
        this.sockets = sockets;
        this.rules = RedirectRules.of(baseUrl, https.redirectHosts());
        this.endpoint = new HttpsEndpoint(bind, https.httpsPort(), sockets);
        this.keeper =
                https.acme()
                        .map(
                                acme -> {
                                    var store = new CertificateStore(https.stateDir());
                                    var issuer = new AcmeIssuer(acme, https.hosts(), store, tokens);
                                    return new CertificateKeeper(
                                            issuer::order, store, policy, clock, endpoint::install);
                                })
                        .orElse(null);
    }

    /** The listeners this configuration asks for; adopts the sockets systemd passed. */
    public static Listeners of(AppConfig config, Clock clock) {
        return new Listeners(
                config.https(),
                config.baseUrl(),
                config.bind(),
                config.port(),
                InheritedSockets.adopt(config.sockets()),
                clock,
                RenewalPolicy.standard());
    }

    /** Connector factories in Javalin's {@code addConnector} shape; the plain HTTP one first. */
    public List<BiFunction<Server, HttpConfiguration, Connector>> connectors() {
        var list = new ArrayList<BiFunction<Server, HttpConfiguration, Connector>>();
        list.add(this::httpConnector);
        var first = firstCertificate();
        first.ifPresent(
                certificate ->
                        list.add(
                                (server, http) -> {
                                    endpoint.install(certificate);
                                    return endpoint.connector(server, http);
                                }));
        return list;
    }

    /** The handler to put in front of the site. */
    public Handler front(Handler site) {
        return https.mode() == Mode.OFF ? site : new HttpsFront(site, rules, tokens);
    }

    /**
     * After the server started: with ACME and no certificate yet, orders the first one (the CA
     * validates over the HTTP listener, which now runs) and opens HTTPS; then keeps it renewed.
     *
     * @throws TlsException when there is no certificate to serve
     */
    public void started() {
        if (keeper == null) {
            return;
        }
        var certificate = keeper.obtain();
        if (!endpoint.isOpen()) {
            endpoint.install(certificate);
            var connector = endpoint.connector(server, httpConfiguration());
            server.addConnector(connector);
            try {
                connector.start();
            } catch (Exception e) {
                throw new TlsException("cannot open the HTTPS listener: " + e.getMessage(), e);
            }
        }
        keeper.start();
    }

    /** The certificate state for {@code /healthz}; empty with {@code --https off}. */
    public Optional<TlsStatus> status() {
        return switch (https.mode()) {
            case OFF -> Optional.empty();
            case ACME -> Optional.of(keeper.status());
            case FILES -> Optional.of(endpoint.status("files"));
        };
    }

    public int httpPort() {
        return httpConnector == null ? -1 : httpConnector.getLocalPort();
    }

    public int httpsPort() {
        return endpoint.localPort();
    }

    /** For tests: one renewal check now, on the caller's thread. */
    void checkRenewalNow() {
        keeper.check();
    }

    @Override
    public void close() {
        if (keeper != null) {
            keeper.close();
        }
    }

    private Optional<ServedCertificate> firstCertificate() {
        return switch (https.mode()) {
            case OFF -> Optional.empty();
            case FILES -> Optional.of(ServedCertificate.read(https.files().orElseThrow()));
            case ACME -> new CertificateStore(https.stateDir()).certificate();
        };
    }

    private Connector httpConnector(Server server, HttpConfiguration http) {
        this.server = server;
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        var passed = https.mode() == Mode.OFF ? sockets.takeOnly() : sockets.take("http");
        HttpsEndpoint.listen(connector, passed, bind, port);
        this.httpConnector = connector;
        return connector;
    }

    private HttpConfiguration httpConfiguration() {
        return httpConnector
                .getConnectionFactory(HttpConnectionFactory.class)
                .getHttpConfiguration();
    }
}
