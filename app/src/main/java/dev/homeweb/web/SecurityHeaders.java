package dev.homeweb.web;

import io.javalin.http.Context;

/**
 * Headers sent with every response. The pages have no script and no inline style, so the policy can
 * forbid both outright.
 */
public final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self' https: data:; font-src 'self';"
                    + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final boolean https;

    /**
     * @param baseUrl the site's public URL: HSTS is only sent when it is https
     */
    public SecurityHeaders(String baseUrl) {
        this.https = baseUrl.startsWith("https://");
    }

    void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
