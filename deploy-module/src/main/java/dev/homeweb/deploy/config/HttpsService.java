package dev.homeweb.deploy.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a node's server speaks HTTPS ({@code service.https}): {@code off} (plain HTTP, behind a proxy
 * of your own), {@code acme} (certificates from an ACME CA, ordered by the server itself) or {@code
 * secrets} (a chain and key delivered as the age secrets {@value #CERTIFICATE_SECRET} and {@value
 * #KEY_SECRET}). Checks that need the rest of the service ({@code base_url}, {@code bind}) are in
 * {@link ServiceOptions}.
 */
public record HttpsService(
        Mode mode,
        Optional<String> acmeEmail,
        URI acmeDirectory,
        Optional<CaRoot> acmeCaRoot,
        List<String> redirectHosts,
        Hsts hsts) {

    public static final URI LETS_ENCRYPT =
            URI.create("https://acme-v02.api.letsencrypt.org/directory");
    public static final URI LETS_ENCRYPT_STAGING =
            URI.create("https://acme-staging-v02.api.letsencrypt.org/directory");

    /** The secrets (systemd credentials) the app's {@code --https files} reads by default. */
    public static final String CERTIFICATE_SECRET = "tls-certificate";

    public static final String KEY_SECRET = "tls-key";

    public static final HttpsService OFF =
            new HttpsService(
                    Mode.OFF,
                    Optional.empty(),
                    LETS_ENCRYPT,
                    Optional.empty(),
                    List.of(),
                    Hsts.DEFAULT);

    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s<>\"'\\\\%$]+@[^@\\s<>\"'\\\\%$]+\\.[^@\\s<>\"'\\\\%$]+");
    static final Pattern HOST_NAME =
            Pattern.compile(
                    "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IP_ADDRESS =
            Pattern.compile("[0-9.]+|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    public enum Mode {
        OFF,
        ACME,
        SECRETS;

        /** As written in deploy.yaml. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Mode parse(String key, String value) {
            for (var mode : values()) {
                if (mode.word().equals(value)) {
                    return mode;
                }
            }
            throw new ConfigException("'" + key + "' is '" + value + "'; use off, acme or secrets");
        }
    }

    /** A PEM file on the workstation that the node trusts for the ACME server (a test CA). */
    public record CaRoot(Path file, String pem) {
        public CaRoot {
            Objects.requireNonNull(file, "file");
            if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                throw new ConfigException(
                        "service acme_ca_root " + file + " holds no PEM certificate");
            }
            if (pem.lines().anyMatch("HOME_WEB_EOF"::equals)) {
                throw new ConfigException("service acme_ca_root " + file + " is not a PEM file");
            }
        }
    }

    /** The Strict-Transport-Security policy: {@code hsts_max_age} and its two flags. */
    public record Hsts(long maxAgeSeconds, boolean includeSubdomains, boolean preload) {
        public static final long ONE_YEAR = 31_536_000;
        static final Hsts DEFAULT = new Hsts(ONE_YEAR, false, false);

        public Hsts {
            if (maxAgeSeconds < 0) {
                throw new ConfigException(
                        "service hsts_max_age " + maxAgeSeconds + " is negative; use seconds");
            }
            if (preload && !(includeSubdomains && maxAgeSeconds >= ONE_YEAR)) {
                throw new ConfigException(
                        "service hsts_preload needs hsts_include_subdomains: true and"
                                + " hsts_max_age of at least 31536000 (the preload list requires"
                                + " both)");
            }
        }
    }

    public HttpsService {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(acmeEmail, "acmeEmail");
        Objects.requireNonNull(acmeDirectory, "acmeDirectory");
        Objects.requireNonNull(acmeCaRoot, "acmeCaRoot");
        redirectHosts = List.copyOf(redirectHosts);
        Objects.requireNonNull(hsts, "hsts");
        if (mode == Mode.ACME && acmeEmail.isEmpty()) {
            throw new ConfigException(
                    "service acme_email is missing: https: acme needs the address the CA writes to"
                            + " before a certificate expires");
        }
        acmeEmail.ifPresent(
                e -> {
                    if (!EMAIL.matcher(e).matches()) {
                        throw new ConfigException(
                                "service acme_email '"
                                        + e
                                        + "' is not an e-mail address such as you@example.org");
                    }
                });
        if (!"https".equals(acmeDirectory.getScheme())
                || acmeDirectory.getHost() == null
                || !acmeDirectory.toString().matches("[^\\s\"'\\\\%$]+")) {
            throw new ConfigException(
                    "service acme_directory '"
                            + acmeDirectory
                            + "' is not an https URL such as "
                            + LETS_ENCRYPT
                            + " (staging: "
                            + LETS_ENCRYPT_STAGING
                            + ")");
        }
        for (var host : redirectHosts) {
            requireHostName("redirect_hosts entry", host);
        }
    }

    public boolean enabled() {
        return mode != Mode.OFF;
    }

    /** A DNS name a CA can issue for: no IP address, no port, no wildcard. */
    static void requireHostName(String what, String host) {
        if (IP_ADDRESS.matcher(host).matches()) {
            throw new ConfigException(
                    "service "
                            + what
                            + " '"
                            + host
                            + "' is an IP address; https needs a DNS name that points at the node");
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new ConfigException(
                    "service "
                            + what
                            + " '"
                            + host
                            + "' is not a host name such as blog.example.org");
        }
    }
}
