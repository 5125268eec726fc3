package dev.homeweb.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class ServedCertificateTest {
    private final Instant now = Instant.parse("2026-06-01T00:00:00Z");
    private final ServedCertificate certificate =
            TestCertificates.selfSigned(now, now.plus(Duration.ofDays(90)));

    @Test
    void survivesItsOwnPemFile() {
        var pem = certificate.toPem();

        var read = ServedCertificate.fromPem(pem, pem, "certificate.pem");

        assertThat(read.serial()).isEqualTo(certificate.serial());
        assertThat(read.key().getEncoded()).isEqualTo(certificate.key().getEncoded());
        assertThat(read.notAfter()).isEqualTo(now.plus(Duration.ofDays(90)));
    }

    @Test
    void refusesAKeyOfAnotherCertificate() {
        var other = TestCertificates.selfSigned(now, now.plus(Duration.ofDays(90)));

        assertThatThrownBy(
                        () ->
                                ServedCertificate.fromPem(
                                        other.toPem(),
                                        certificate.toPem(),
                                        "chain.pem and key.pem"))
                .isInstanceOf(TlsException.class)
                .hasMessage(
                        "chain.pem and key.pem: the private key does not belong to the first certificate");
    }

    @Test
    void acceptsABouncyCastleKeyAsAcme4jMakesThem() throws Exception {
        var generator = KeyPairGenerator.getInstance("ECDSA", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        assertThat(pair.getPrivate().getAlgorithm()).isEqualTo("ECDSA");
        var signed = TestCertificates.selfSigned(pair, now, now.plus(Duration.ofDays(1)));

        var pem = signed.toPem();

        assertThat(ServedCertificate.fromPem(pem, pem, "certificate.pem").serial())
                .isEqualTo(signed.serial());
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> ServedCertificate.fromPem("", certificate.toPem(), "key.pem"))
                .hasMessage("key.pem has no unencrypted PEM private key (BEGIN PRIVATE KEY)");
    }
}
