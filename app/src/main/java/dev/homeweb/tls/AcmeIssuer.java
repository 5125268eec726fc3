package dev.homeweb.tls;

import dev.homeweb.config.HttpsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.shredzone.acme4j.util.KeyPairUtils;

/** Orders a certificate for the site's host names from an ACME CA, answering http-01 challenges. */
final class AcmeIssuer {
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final HttpsSettings.Acme acme;
    private final List<String> hosts;
    private final CertificateStore store;
    private final ChallengeTokens tokens;

    AcmeIssuer(
            HttpsSettings.Acme acme,
            List<String> hosts,
            CertificateStore store,
            ChallengeTokens tokens) {
        this.acme = acme;
        this.hosts = List.copyOf(hosts);
        this.store = store;
        this.tokens = tokens;
        // acme4j's key and CSR code asks for Bouncy Castle by name; it ships with acme4j.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    /** Orders and downloads a new certificate with a new key; nothing is stored here. */
    ServedCertificate order() {
        try {
            var session = new Session(acme.directory(), new TrustingProvider(acme));
            var account =
                    new AccountBuilder()
                            .addEmail(acme.email())
                            .agreeToTermsOfService()
                            .useKeyPair(store.accountKey())
                            .create(session);
            var order = account.newOrder().domains(hosts).create();
            for (var authorization : order.getAuthorizations()) {
                authorize(authorization);
            }
            order.waitUntilReady(WAIT);
            var domainKey = KeyPairUtils.createECKeyPair("secp256r1");
            order.execute(domainKey);
            var status = order.waitForCompletion(WAIT);
            if (status != Status.VALID) {
                throw new TlsException(
                        "the CA did not issue the certificate: order "
                                + status
                                + order.getError().map(p -> ": " + p).orElse(""));
            }
            var chain = order.getCertificate().getCertificateChain();
            return new ServedCertificate(chain, domainKey.getPrivate());
        } catch (AcmeException e) {
            throw new TlsException(
                    "ACME order at " + acme.directory() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlsException("ACME order interrupted", e);
        }
    }

    private void authorize(Authorization authorization) throws AcmeException, InterruptedException {
        if (authorization.getStatus() == Status.VALID) {
            return;
        }
        var host = authorization.getIdentifier().getDomain();
        var challenge =
                authorization
                        .findChallenge(Http01Challenge.class)
                        .orElseThrow(
                                () ->
                                        new TlsException(
                                                "the CA offers no http-01 challenge for " + host));
        tokens.offer(challenge.getToken(), challenge.getAuthorization());
        try {
            challenge.trigger();
            var status = challenge.waitForCompletion(WAIT);
            if (status != Status.VALID) {
                throw new TlsException(
                        "the CA could not validate "
                                + host
                                + " over http-01 (it fetches http://"
                                + host
                                + "/.well-known/acme-challenge/... on port 80)"
                                + challenge.getError().map(p -> ": " + p).orElse(""));
            }
        } finally {
            tokens.withdraw(challenge.getToken());
        }
    }

    /** Reaches the CA over https trusting the JDK's roots, or only the configured root. */
    private static final class TrustingProvider extends GenericAcmeProvider {
        private final HttpsSettings.Acme acme;

        TrustingProvider(HttpsSettings.Acme acme) {
            this.acme = acme;
        }

        @Override
        public HttpClient createHttpClient(NetworkSettings settings) {
            var builder =
                    HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(settings.getTimeout());
            if (acme.caRoot().isPresent()) {
                builder.sslContext(trusting(acme.caRoot().get()));
            }
            return builder.build();
        }

        @Override
        public boolean accepts(URI serverUri) {
            return true;
        }

        private static SSLContext trusting(java.nio.file.Path root) {
            try {
                return TrustedRoots.context(root);
            } catch (IOException | GeneralSecurityException e) {
                throw new TlsException("--acme-ca-root " + root + ": " + e.getMessage(), e);
            }
        }
    }
}
