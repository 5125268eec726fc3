package dev.homeweb.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How the server speaks HTTPS itself: {@code off} (plain HTTP, e.g. behind a proxy), {@code acme}
 * (certificates from an ACME CA) or {@code files} (a certificate chain and key given to it).
 */
public record HttpsSettings(
        Mode mode,
        int httpsPort,
        String canonicalHost,
        List<String> redirectHosts,
        Optional<Acme> acme,
        Optional<KeyFiles> files,
        Path stateDir,
        Hsts hsts) {

    public static final List<String> OPTIONS =
            List.of(
                    "https",
                    "https-port",
                    "redirect-hosts",
                    "acme-email",
                    "acme-directory",
                    "acme-ca-root",
                    "tls-state-dir",
                    "tls-certificate",
                    "tls-key",
                    "hsts-max-age",
                    "hsts-include-subdomains",
                    "hsts-preload");

    public static final URI LETS_ENCRYPT =
            URI.create("https://acme-v02.api.letsencrypt.org/directory");

    /** The systemd credential names of the certificate chain and key for {@code files}. */
    public static final String CERTIFICATE_CREDENTIAL = "tls-certificate";

    public static final String KEY_CREDENTIAL = "tls-key";

    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    public enum Mode {
        OFF,
        ACME,
        FILES;

        String optionValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An ACME account: who the CA writes to, where it is, and the root to trust it by. */
    public record Acme(String email, URI directory, Optional<Path> caRoot) {
        public Acme {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(caRoot, "caRoot");
        }
    }

    /** A certificate chain and its private key, PEM files. */
    public record KeyFiles(Path certificateChain, Path privateKey) {}

    /** The Strict-Transport-Security policy sent on https. */
    public record Hsts(long maxAgeSeconds, boolean includeSubDomains, boolean preload) {
        public static final long ONE_YEAR = 31_536_000;

        public Hsts {
            if (maxAgeSeconds < 0) {
                throw new ConfigException(
                        "--hsts-max-age "
                                + maxAgeSeconds
                                + " is negative; use seconds, e.g. 31536000");
            }
            if (preload && !(includeSubDomains && maxAgeSeconds >= ONE_YEAR)) {
                throw new ConfigException(
                        "--hsts-preload needs --hsts-include-subdomains true and --hsts-max-age of at"
                                + " least 31536000 (the browsers' preload list requires both)");
            }
        }

        public String headerValue() {
            return "max-age="
                    + maxAgeSeconds
                    + (includeSubDomains ? "; includeSubDomains" : "")
                    + (preload ? "; preload" : "");
        }
    }

    public HttpsSettings {
        Objects.requireNonNull(mode, "mode");
        if (httpsPort < 0 || httpsPort > 65535) {
            throw new ConfigException(
                    "--https-port " + httpsPort + " is out of range; use 1-65535 (default 443)");
        }
        redirectHosts = List.copyOf(redirectHosts);
        Objects.requireNonNull(acme, "acme");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(hsts, "hsts");
        if (mode == Mode.ACME && acme.isEmpty()) {
            throw new IllegalArgumentException("acme mode without ACME settings");
        }
        if (mode == Mode.FILES && files.isEmpty()) {
            throw new IllegalArgumentException("files mode without key files");
        }
    }

    /** Every host name the certificate must cover: the canonical one first. */
    public List<String> hosts() {
        var all = new java.util.ArrayList<String>();
        all.add(canonicalHost);
        all.addAll(redirectHosts);
        return List.copyOf(all);
    }

    /** The socket names systemd must pass when it passes any. */
    public List<String> socketNames() {
        return mode == Mode.OFF ? List.of("http") : List.of("http", "https");
    }

    static HttpsSettings from(
            Function<String, Optional<String>> settings,
            String baseUrl,
            Path dataDir,
            Map<String, String> environment) {
        var modeValue = settings.apply("https").orElse("off").strip().toLowerCase(Locale.ROOT);
        var mode =
                Arrays.stream(Mode.values())
                        .filter(m -> m.optionValue().equals(modeValue))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new ConfigException(
                                                "--https '"
                                                        + modeValue
                                                        + "' is not one of off, acme, files"));
        var hsts =
                new Hsts(
                        settings.apply("hsts-max-age")
                                .map(v -> OptionValues.parseNumber("hsts-max-age", v))
                                .orElse(Hsts.ONE_YEAR),
                        OptionValues.parseBoolean(settings, "hsts-include-subdomains"),
                        OptionValues.parseBoolean(settings, "hsts-preload"));
        long httpsPort =
                settings.apply("https-port")
                        .map(v -> OptionValues.parseNumber("https-port", v))
                        .orElse(443L);
        var base = URI.create(baseUrl);
        var canonical = base.getHost().toLowerCase(Locale.ROOT);
        var redirects =
                settings.apply("redirect-hosts").stream()
                        .flatMap(v -> Arrays.stream(v.split(",")))
                        .map(h -> h.strip().toLowerCase(Locale.ROOT))
                        .filter(h -> !h.isEmpty())
                        .toList();
        var stateDir =
                settings.apply("tls-state-dir")
                        .map(Path::of)
                        .or(
                                () ->
                                        Optional.ofNullable(environment.get("STATE_DIRECTORY"))
                                                .filter(d -> !d.isBlank())
                                                // systemd lists several StateDirectory= entries
                                                // colon-separated.
                                                .map(d -> Path.of(d.split(":")[0], "tls")))
                        .orElse(dataDir.resolve("tls"));
        if (mode == Mode.OFF) {
            return new HttpsSettings(
                    mode,
                    OptionValues.port("https-port", httpsPort),
                    canonical,
                    redirects,
                    Optional.empty(),
                    Optional.empty(),
                    stateDir,
                    hsts);
        }
        if (!"https".equalsIgnoreCase(base.getScheme())) {
            throw new ConfigException(
                    "--base-url '"
                            + baseUrl
                            + "' must start with https:// when --https is "
                            + mode.optionValue());
        }
        var acme = mode == Mode.ACME ? Optional.of(acme(settings)) : Optional.<Acme>empty();
        var files =
                mode == Mode.FILES
                        ? Optional.of(keyFiles(settings, environment))
                        : Optional.<KeyFiles>empty();
        OptionValues.requireHostName("--base-url", canonical, mode.optionValue());
        for (var host : redirects) {
            OptionValues.requireHostName("--redirect-hosts", host, mode.optionValue());
            if (host.equals(canonical)) {
                throw new ConfigException(
                        "--redirect-hosts names " + host + ", the host of --base-url itself");
            }
        }
        return new HttpsSettings(
                mode,
                OptionValues.port("https-port", httpsPort),
                canonical,
                redirects,
                acme,
                files,
                stateDir,
                hsts);
    }

    private static Acme acme(Function<String, Optional<String>> settings) {
        var email =
                settings.apply("acme-email")
                        .orElseThrow(
                                () ->
                                        new ConfigException(
                                                "--acme-email is required with --https acme: the CA"
                                                        + " writes there before a certificate expires"));
        if (!EMAIL.matcher(email).matches()) {
            throw new ConfigException(
                    "--acme-email '"
                            + email
                            + "' is not an e-mail address such as you@example.org");
        }
        var directoryValue = settings.apply("acme-directory").orElse(LETS_ENCRYPT.toString());
        URI directory;
        try {
            directory = new URI(directoryValue);
        } catch (URISyntaxException e) {
            directory = null;
        }
        if (directory == null
                || !"https".equalsIgnoreCase(directory.getScheme())
                || directory.getHost() == null) {
            throw new ConfigException(
                    "--acme-directory '"
                            + directoryValue
                            + "' is not an https URL such as "
                            + LETS_ENCRYPT
                            + " (staging: https://acme-staging-v02.api.letsencrypt.org/directory)");
        }
        var caRoot = settings.apply("acme-ca-root").map(Path::of);
        caRoot.ifPresent(root -> OptionValues.requireReadable("--acme-ca-root", root));
        return new Acme(email, directory, caRoot);
    }

    private static KeyFiles keyFiles(
            Function<String, Optional<String>> settings, Map<String, String> environment) {
        var credentials = Optional.ofNullable(environment.get("CREDENTIALS_DIRECTORY"));
        var chain = file(settings, "tls-certificate", CERTIFICATE_CREDENTIAL, credentials);
        var key = file(settings, "tls-key", KEY_CREDENTIAL, credentials);
        return new KeyFiles(chain, key);
    }

    private static Path file(
            Function<String, Optional<String>> settings,
            String option,
            String credential,
            Optional<String> credentials) {
        var path =
                settings.apply(option)
                        .map(Path::of)
                        .or(() -> credentials.map(dir -> Path.of(dir, credential)))
                        .orElseThrow(
                                () ->
                                        new ConfigException(
                                                "--"
                                                        + option
                                                        + " is required with --https files (or a systemd"
                                                        + " credential named "
                                                        + credential
                                                        + ")"));
        OptionValues.requireReadable("--" + option, path);
        return path;
    }
}
