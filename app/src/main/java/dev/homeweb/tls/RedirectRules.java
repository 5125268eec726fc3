package dev.homeweb.tls;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a request must go instead: plain HTTP always to https on the canonical host, and https on
 * another configured host to the canonical one. Path and query are kept as sent.
 */
record RedirectRules(String canonicalOrigin, String canonicalHost, List<String> redirectHosts) {
    RedirectRules {
        redirectHosts = List.copyOf(redirectHosts);
    }

    /**
     * @param baseUrl the site's https URL; its scheme, host and port make the target
     */
    static RedirectRules of(String baseUrl, List<String> redirectHosts) {
        var uri = URI.create(baseUrl);
        var origin = "https://" + uri.getRawAuthority();
        return new RedirectRules(origin, uri.getHost().toLowerCase(Locale.ROOT), redirectHosts);
    }

    /**
     * @param host the Host header's (or HTTP/2 authority's) name, without port
     * @param path the path as sent, not decoded
     * @param query the query as sent, or null without one
     */
    Optional<String> location(boolean secure, String host, String path, @Nullable String query) {
        var target = canonicalOrigin + path + (query == null ? "" : "?" + query);
        if (!secure) {
            return Optional.of(target);
        }
        var name = host.toLowerCase(Locale.ROOT);
        return redirectHosts.contains(name) ? Optional.of(target) : Optional.empty();
    }
}
