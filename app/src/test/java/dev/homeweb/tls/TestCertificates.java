package dev.homeweb.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates with chosen validity, for tests that need no CA. */
final class TestCertificates {
    private static long serial = 1;

    private TestCertificates() {}

    static ServedCertificate selfSigned(Instant notBefore, Instant notAfter) {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return selfSigned(generator.generateKeyPair(), notBefore, notAfter);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ServedCertificate selfSigned(KeyPair pair, Instant notBefore, Instant notAfter) {
        try {
            var name = new X500Name("CN=blog.test");
            var builder =
                    new JcaX509v3CertificateBuilder(
                            name,
                            BigInteger.valueOf(serial++),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            name,
                            pair.getPublic());
            var signer =
                    new JcaContentSignerBuilder("SHA256withECDSA")
                            .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                            .build(pair.getPrivate());
            var certificate =
                    new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new ServedCertificate(List.of(certificate), pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
