package dev.homeweb.web;

import dev.homeweb.config.HttpsSettings;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Headers sent with every response. The pages have no script and no inline style, so the policy can
 * forbid both outright; only a local preview allows its one script file.
 */
public final class SecurityHeaders {
    // connect-src 'self': the pages fetch nothing, but Lighthouse reads robots.txt from the page
    // and, when the policy forbids that, reports robots.txt as not valid (GoogleChrome/lighthouse
    // #4386). Allowing requests to this same site gives nothing away.
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self' https: data:; font-src 'self';"
                    + " connect-src 'self'; form-action 'self'; base-uri 'none';"
                    + " frame-ancestors 'none'";

    /**
     * The local preview's pages load one script, its reload script, from this site; its event
     * stream is a request to this site, which {@code connect-src 'self'} already allows.
     */
    static final String LIVE_PREVIEW_POLICY = CONTENT_SECURITY_POLICY + "; script-src 'self'";

    private final List<HttpField> fields;
    private final Optional<HttpField> hsts;

    /**
     * @param baseUrl the site's public URL: HSTS is only sent when it is https
     * @param liveReload whether the pages load the local preview's reload script
     */
    public SecurityHeaders(String baseUrl, HttpsSettings.Hsts hsts, boolean liveReload) {
        var list = new ArrayList<HttpField>();
        list.add(
                field(
                        "Content-Security-Policy",
                        liveReload ? LIVE_PREVIEW_POLICY : CONTENT_SECURITY_POLICY));
        list.add(field("X-Content-Type-Options", "nosniff"));
        list.add(field("Referrer-Policy", "strict-origin-when-cross-origin"));
        list.add(field("X-Frame-Options", "DENY"));
        this.hsts =
                baseUrl.startsWith("https://")
                        ? Optional.of(field("Strict-Transport-Security", hsts.headerValue()))
                        : Optional.<HttpField>empty();
        this.hsts.ifPresent(list::add);
        this.fields = List.copyOf(list);
    }

    /** For the Javalin routes. */
    void apply(Context ctx) {
        for (var field : fields) {
            ctx.header(field.getName(), field.getValue());
        }
    }

    /** For responses written in Jetty's core API: the fields are encoded once, here. */
    void addTo(HttpFields.Mutable headers) {
        for (var field : fields) {
            headers.add(field);
        }
    }

    /** Only Strict-Transport-Security, when the site is https: for a 304. */
    void addHstsTo(HttpFields.Mutable headers) {
        hsts.ifPresent(headers::add);
    }

    private static HttpField field(String name, String value) {
        return new PreEncodedHttpField(name, value);
    }
}
