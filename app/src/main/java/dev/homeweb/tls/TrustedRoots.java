package dev.homeweb.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A TLS client context that trusts only the PEM certificates in one file (a private CA's root). */
final class TrustedRoots {
    private TrustedRoots() {}

    static SSLContext context(Path pemFile) throws IOException, GeneralSecurityException {
        try (var in = Files.newInputStream(pemFile)) {
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (var certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("root-" + i++, certificate);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no PEM certificate in it");
            }
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
    }
}
