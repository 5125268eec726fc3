package dev.homeweb.tls;

import dev.homeweb.config.HttpsSettings;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** A certificate chain (leaf first) and its private key, as served on the HTTPS listener. */
record ServedCertificate(List<X509Certificate> chain, PrivateKey key) {
    /** Password of the in-memory key store handed to Jetty; never written anywhere. */
    static final String KEY_STORE_PASSWORD = "in-memory";

    ServedCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(
                    "a certificate chain needs at least one certificate");
        }
    }

    Instant notBefore() {
        return chain.get(0).getNotBefore().toInstant();
    }

    Instant notAfter() {
        return chain.get(0).getNotAfter().toInstant();
    }

    Duration lifetime() {
        return Duration.between(notBefore(), notAfter());
    }

    String serial() {
        return chain.get(0).getSerialNumber().toString(16);
    }

    KeyStore keyStore() {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "site",
                    key,
                    KEY_STORE_PASSWORD.toCharArray(),
                    chain.toArray(new X509Certificate[0]));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the key store: " + e.getMessage(), e);
        }
    }

    /** The key (PKCS#8), then the chain, PEM: one file, so one rename replaces both. */
    String toPem() {
        try {
            var text = new StringBuilder(pem("PRIVATE KEY", key.getEncoded()));
            for (var certificate : chain) {
                text.append(pem("CERTIFICATE", certificate.getEncoded()));
            }
            return text.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the certificate: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        var base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN "
                + type
                + "-----\n"
                + base64.encodeToString(der)
                + "\n-----END "
                + type
                + "-----\n";
    }

    /** Reads the chain and key files of {@code --https files}. */
    static ServedCertificate read(HttpsSettings.KeyFiles files) {
        try {
            return fromPem(
                    Files.readString(files.privateKey(), StandardCharsets.US_ASCII),
                    Files.readString(files.certificateChain(), StandardCharsets.US_ASCII),
                    files.certificateChain() + " and " + files.privateKey());
        } catch (IOException e) {
            throw new TlsException("cannot read the TLS certificate or key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads PEM text with one private key (PKCS#8, or PKCS#1/SEC1 as openssl writes them) and the
     * certificates in chain order.
     *
     * @param source names the file(s) in error messages
     */
    static ServedCertificate fromPem(String keyPem, String chainPem, String source) {
        var keys = new ArrayList<PrivateKey>();
        var chain = new ArrayList<X509Certificate>();
        read(keyPem, source, keys, new ArrayList<>());
        read(chainPem, source, new ArrayList<>(), chain);
        if (keys.isEmpty()) {
            throw new TlsException(
                    source + " has no unencrypted PEM private key (BEGIN PRIVATE KEY)");
        }
        if (chain.isEmpty()) {
            throw new TlsException(source + " has no PEM certificate (BEGIN CERTIFICATE)");
        }
        if (!belongTogether(keys.get(0), chain.get(0))) {
            throw new TlsException(
                    source + ": the private key does not belong to the first certificate");
        }
        return new ServedCertificate(chain, keys.get(0));
    }

    private static void read(
            String pem, String source, List<PrivateKey> keys, List<X509Certificate> certificates) {
        var keyConverter = new JcaPEMKeyConverter();
        var certificateConverter = new JcaX509CertificateConverter();
        try (var parser = new PEMParser(new StringReader(pem))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PEMKeyPair pair) {
                    keys.add(keyConverter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (item instanceof PrivateKeyInfo info) {
                    keys.add(keyConverter.getPrivateKey(info));
                } else if (item instanceof X509CertificateHolder holder) {
                    certificates.add(certificateConverter.getCertificate(holder));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsException(source + " is not readable PEM: " + e.getMessage(), e);
        }
    }

    private static boolean belongTogether(PrivateKey key, X509Certificate leaf) {
        // Sign a probe and verify it: works for RSA and EC keys without deriving the public key.
        try {
            var algorithm =
                    key instanceof java.security.interfaces.ECKey
                            ? "SHA256withECDSA"
                            : key instanceof java.security.interfaces.RSAKey
                                    ? "SHA256withRSA"
                                    : key.getAlgorithm();
            byte[] probe = "home-web".getBytes(StandardCharsets.US_ASCII);
            var signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            var signature = signer.sign();
            var verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
