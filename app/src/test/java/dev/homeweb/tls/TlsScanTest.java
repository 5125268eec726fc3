package dev.homeweb.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlsScanTest {
    @Test
    void findsOldProtocolsAndWeakSuitesInAnSslscanReport() {
        var report =
                """
                  SSL/TLS Protocols:
                SSLv2     disabled
                SSLv3     disabled
                TLSv1.0   enabled
                TLSv1.1   disabled
                TLSv1.2   enabled
                TLSv1.3   enabled

                  Supported Server Cipher(s):
                Preferred TLSv1.3  128 bits  TLS_AES_128_GCM_SHA256        Curve 25519 DHE 253
                Accepted  TLSv1.2  256 bits  ECDHE-RSA-AES256-GCM-SHA384   Curve 25519 DHE 253
                Accepted  TLSv1.2  128 bits  ECDHE-RSA-AES128-SHA          Curve 25519 DHE 253
                Accepted  TLSv1.2  256 bits  AES256-GCM-SHA384
                Accepted  TLSv1.2  112 bits  DES-CBC3-SHA
                """;

        assertThat(TlsScan.problems(report))
                .containsExactly(
                        "TLSv1.0 is enabled",
                        "TLSv1.2 ECDHE-RSA-AES128-SHA (128 bits) is weak",
                        "TLSv1.2 AES256-GCM-SHA384 (256 bits) is weak",
                        "TLSv1.2 DES-CBC3-SHA (112 bits) is weak");
    }

    @Test
    void passesAModernServer() {
        var report =
                """
                TLSv1.0   disabled
                TLSv1.1   disabled
                Preferred TLSv1.3  128 bits  TLS_AES_128_GCM_SHA256        Curve 25519 DHE 253
                Accepted  TLSv1.2  256 bits  ECDHE-ECDSA-CHACHA20-POLY1305 Curve 25519 DHE 253
                """;

        assertThat(TlsScan.problems(report)).isEmpty();
    }
}
