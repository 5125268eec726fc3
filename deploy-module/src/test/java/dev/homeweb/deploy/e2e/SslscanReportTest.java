package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scanner check fails on what openssl s_server offers by default, and passes a modern set. */
class SslscanReportTest {
    static String report(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <document title="SSLScan Results" version="2.0.7">
                 <ssltest host="10.213.0.6" sniname="blog.test" port="443">
                %s </ssltest>
                </document>
                """
                .formatted(body);
    }

    @Test
    void findsOldProtocolsAndCbcSuitesWhateverTheirName() throws Exception {
        var xml =
                report(
                        """
                          <protocol type="tls" version="1.0" enabled="1" />
                          <protocol type="tls" version="1.2" enabled="1" />
                          <cipher status="accepted" sslversion="TLSv1.2" bits="256" cipher="ECDHE-ECDSA-AES256-SHA384" />
                          <cipher status="accepted" sslversion="TLSv1.2" bits="128" cipher="AES128-GCM-SHA256" />
                          <cipher status="accepted" sslversion="TLSv1.2" bits="256" cipher="ECDHE-ECDSA-AES256-GCM-SHA384" />
                        """);

        assertThat(SslscanReport.problems(xml))
                .containsExactly(
                        "tls1.0 is enabled",
                        "TLSv1.2 ECDHE-ECDSA-AES256-SHA384 (256 bits)",
                        "TLSv1.2 AES128-GCM-SHA256 (128 bits)");
    }

    @Test
    void passesTls12AeadWithEcdheAndTls13() throws Exception {
        var xml =
                report(
                        """
                          <protocol type="ssl" version="3" enabled="0" />
                          <protocol type="tls" version="1.1" enabled="0" />
                          <protocol type="tls" version="1.3" enabled="1" />
                          <cipher status="preferred" sslversion="TLSv1.3" bits="128" cipher="TLS_AES_128_GCM_SHA256" />
                          <cipher status="accepted" sslversion="TLSv1.2" bits="256" cipher="ECDHE-ECDSA-CHACHA20-POLY1305" />
                        """);

        assertThat(SslscanReport.problems(xml)).isEmpty();
        assertThat(SslscanReport.problems(report("")))
                .containsExactly("sslscan lists no accepted cipher suite");
    }
}
