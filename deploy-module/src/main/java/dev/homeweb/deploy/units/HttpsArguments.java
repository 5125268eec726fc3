package dev.homeweb.deploy.units;

import dev.homeweb.deploy.config.HttpsService;
import java.util.ArrayList;
import java.util.List;

/**
 * The server unit's part of {@code service.https}: the {@code serve} options it passes ({@code
 * --https acme|files} and the rest, see the app's {@code serve --help}) and, for ACME, the state
 * directory that keeps the account key and certificates across deploys and rollbacks.
 */
final class HttpsArguments {
    private HttpsArguments() {}

    /**
     * {@code StateDirectory=} lines: created by systemd, owned by the service's (dynamic) user,
     * 0700, so the key is readable by the service alone.
     */
    static String stateDirectory(HttpsService https) {
        if (https.mode() != HttpsService.Mode.ACME) {
            return "";
        }
        return "StateDirectory=" + NodeLayout.TLS_STATE_DIRECTORY + "\nStateDirectoryMode=0700\n";
    }

    /** The options after {@code serve}, one per continued line; nothing with {@code https: off}. */
    static String of(HttpsService https, NodeLayout layout) {
        var options = new ArrayList<String>();
        switch (https.mode()) {
            case OFF -> {
                return "";
            }
            case ACME -> {
                options.add("--https acme");
                options.add("--acme-email " + https.acmeEmail().orElseThrow());
                options.add("--acme-directory " + https.acmeDirectory());
                https.acmeCaRoot()
                        .ifPresent(r -> options.add("--acme-ca-root " + layout.acmeCaRoot()));
                options.add("--tls-state-dir " + NodeLayout.TLS_STATE);
            }
            case SECRETS ->
                    // The chain and key are the credentials tls-certificate and tls-key, which
                    // --https files reads from $CREDENTIALS_DIRECTORY by default.
                    options.add("--https files");
        }
        if (!https.redirectHosts().isEmpty()) {
            options.add("--redirect-hosts " + String.join(",", https.redirectHosts()));
        }
        var hsts = https.hsts();
        options.add("--hsts-max-age " + hsts.maxAgeSeconds());
        if (hsts.includeSubdomains()) {
            options.add("--hsts-include-subdomains true");
        }
        if (hsts.preload()) {
            options.add("--hsts-preload true");
        }
        return joined(options);
    }

    /** No value needs quoting: config validation keeps spaces, quotes and {@code %} out. */
    private static String joined(List<String> options) {
        var out = new StringBuilder();
        for (var option : options) {
            out.append(" \\\n    ").append(option);
        }
        return out.toString();
    }
}
