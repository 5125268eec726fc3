package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.config.HttpsSettings;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** What every answer carries, and what a 304 keeps of it. */
class SecurityHeadersTest {
    static final HttpsSettings.Hsts HSTS = new HttpsSettings.Hsts(600, false, false);

    @Test
    void anHttpsSiteSendsHstsWithEveryHeaderAndAloneOnA304() {
        var headers = new SecurityHeaders("https://blog.example.org", HSTS, false);
        var all = HttpFields.build();
        var notModified = HttpFields.build();

        headers.addTo(all);
        headers.addHstsTo(notModified);

        assertThat(all.get("Strict-Transport-Security")).isEqualTo("max-age=600");
        assertThat(all.get("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(notModified.getFieldNamesCollection())
                .containsExactly("Strict-Transport-Security");
        assertThat(notModified.get("Strict-Transport-Security")).isEqualTo("max-age=600");
    }

    @Test
    void aPlainHttpSiteSendsNoHstsAtAll() {
        var headers = new SecurityHeaders("http://127.0.0.1:8080", HSTS, false);
        var all = HttpFields.build();
        var notModified = HttpFields.build();

        headers.addTo(all);
        headers.addHstsTo(notModified);

        assertThat(all.get("Strict-Transport-Security")).isNull();
        assertThat(notModified.size()).isZero();
    }
}
