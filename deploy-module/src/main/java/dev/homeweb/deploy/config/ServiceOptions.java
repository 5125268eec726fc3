package dev.homeweb.deploy.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the server runs on a node, mirroring a NixOS module's options. An empty {@code user} means
 * systemd's {@code DynamicUser=}.
 */
public record ServiceOptions(
        int port,
        String bind,
        Optional<String> user,
        Optional<String> group,
        Optional<String> baseUrl,
        Optional<String> siteTitle,
        Optional<String> discussEmail,
        List<String> jvmOptions,
        Optional<String> javaHome,
        HttpsService https) {

    private static final Pattern ACCOUNT = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern BIND = Pattern.compile("[0-9A-Fa-f.:]+|localhost");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("/[A-Za-z0-9._/+-]*");

    /**
     * The JVM options are the ones bench/run measures the server with (bench/README.md): a heap
     * that holds the 1,000-post site (pages the collector drops are rendered again), a young
     * generation small enough that collections never fall back to full ones, and the collector with
     * the least overhead on one CPU.
     */
    static final ServiceOptions DEFAULTS =
            new ServiceOptions(
                    8080,
                    "127.0.0.1",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of("-Xmx48m", "-Xmn12m", "-XX:+UseSerialGC"),
                    Optional.empty(),
                    HttpsService.OFF);

    /** With {@code https} on, the plain HTTP port (redirects and ACME challenges) and bind. */
    static final int HTTPS_MODE_PORT = 80;

    static final String HTTPS_MODE_BIND = "0.0.0.0";

    /** The port the server speaks TLS on with {@code https} on. */
    public static final int HTTPS_PORT = 443;

    public ServiceOptions {
        if (port < 1 || port > 65535) {
            throw new ConfigException("service port " + port + " is outside 1-65535");
        }
        Objects.requireNonNull(bind, "bind");
        if (!BIND.matcher(bind).matches()) {
            throw new ConfigException(
                    "service bind '" + bind + "' is not an IP address such as 127.0.0.1 or ::");
        }
        user.ifPresent(u -> requireAccount("user", u));
        group.ifPresent(g -> requireAccount("group", g));
        if (group.isPresent() && user.isEmpty()) {
            throw new ConfigException("service group is set but user is not; set both or neither");
        }
        baseUrl.ifPresent(
                url -> {
                    if (!url.matches("https?://[^\\s\"'\\\\%]+")) {
                        throw new ConfigException(
                                "service base_url '" + url + "' is not an http(s) URL");
                    }
                });
        siteTitle.ifPresent(t -> requireOneLine("site_title", t));
        discussEmail.ifPresent(
                e -> {
                    if (!e.matches("[^\\s@\"'\\\\%]+@[^\\s@\"'\\\\%]+")) {
                        throw new ConfigException(
                                "service discuss_email '" + e + "' is not an e-mail address");
                    }
                });
        jvmOptions = List.copyOf(jvmOptions);
        for (var option : jvmOptions) {
            if (!option.matches("-[^\\s\"'\\\\%$]+")) {
                throw new ConfigException(
                        "service jvm_options entry '"
                                + option
                                + "' must start with '-' and contain no spaces, quotes, % or $");
            }
        }
        javaHome.ifPresent(
                home -> {
                    if (!ABSOLUTE_PATH.matcher(home).matches()) {
                        throw new ConfigException(
                                "service java_home '" + home + "' is not an absolute path");
                    }
                });
        Objects.requireNonNull(https, "https");
        if (https.enabled()) {
            requireHttpsFits(https, baseUrl, bind);
        }
    }

    /** The combinations of {@code https} with the rest that cannot work, said before connecting. */
    private static void requireHttpsFits(
            HttpsService https, Optional<String> baseUrl, String bind) {
        var mode = "https: " + https.mode().word();
        var url =
                baseUrl.orElseThrow(
                        () ->
                                new ConfigException(
                                        "service base_url is missing: "
                                                + mode
                                                + " takes the certificate's host name from it,"
                                                + " e.g. base_url: https://blog.example.org"));
        if (!url.startsWith("https://")) {
            throw new ConfigException(
                    "service base_url '" + url + "' must start with https:// with " + mode);
        }
        var host = java.net.URI.create(url).getHost();
        if (host == null) {
            throw new ConfigException(
                    "service base_url '"
                            + url
                            + "' has no host name; with "
                            + mode
                            + " it needs one");
        }
        HttpsService.requireHostName("base_url host", host.toLowerCase(java.util.Locale.ROOT));
        if (https.redirectHosts().contains(host.toLowerCase(java.util.Locale.ROOT))) {
            throw new ConfigException(
                    "service redirect_hosts names " + host + ", the host of base_url itself");
        }
        if (bind.startsWith("127.") || bind.equals("::1") || bind.equals("localhost")) {
            throw new ConfigException(
                    "service bind "
                            + bind
                            + " with "
                            + mode
                            + ": no browser (and no CA) could reach the node; remove bind (it"
                            + " defaults to 0.0.0.0 with https) or set the node's public address");
        }
    }

    /**
     * The sockets the server listens on, each held by a socket unit: plain HTTP on {@code bind} and
     * {@code port}. A listener of another name (https) is one more entry here.
     */
    public List<Listener> listeners() {
        var http = new Listener("http", bind, port);
        // With https the plain port only redirects and answers ACME challenges; the server
        // adopts both sockets by name, so it never binds 80 or 443 itself (no privilege).
        return https.enabled()
                ? List.of(http, new Listener("https", bind, HTTPS_PORT))
                : List.of(http);
    }

    /** The host name of {@code base_url} (lower case), the one the certificate is for. */
    public String canonicalHost() {
        return baseUrl.map(java.net.URI::create)
                .map(java.net.URI::getHost)
                .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                .orElse("localhost");
    }

    /** The address the node itself uses to reach the server (a wildcard bind means loopback). */
    public String localAddress() {
        return switch (bind) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::" -> "::1";
            default -> bind;
        };
    }

    private static void requireAccount(String key, String name) {
        if (!ACCOUNT.matcher(name).matches()) {
            throw new ConfigException(
                    "service " + key + " '" + name + "' is not a valid account name");
        }
    }

    private static void requireOneLine(String key, String value) {
        if (value.contains("\n") || value.contains("\r") || value.contains("\"")) {
            throw new ConfigException("service " + key + " must be one line without double quotes");
        }
    }
}
