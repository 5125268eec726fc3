package dev.homeweb.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's settings, validated on construction. Built by {@link #from} out of command-line
 * options and {@code HOME_WEB_*} environment variables, so tests can pass plain maps.
 */
public record AppConfig(
        int port,
        String bind,
        Optional<Path> databaseUrlFile,
        Path contentDir,
        String baseUrl,
        Optional<String> siteTitle,
        Optional<String> discussEmail,
        Path dataDir,
        HttpsSettings https,
        Optional<SocketActivation> sockets,
        Optional<Path> stateDir) {

    /** Option names, as on the command line without the leading dashes. */
    public static final List<String> OPTIONS =
            java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(
                                    "port",
                                    "bind",
                                    "database-url-file",
                                    "content",
                                    "base-url",
                                    "site-title",
                                    "discuss-email",
                                    "data-dir",
                                    "state-dir"),
                            HttpsSettings.OPTIONS.stream())
                    .toList();

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+");

    public AppConfig {
        if (port < 0 || port > 65535) {
            throw new ConfigException(
                    "--port " + port + " is out of range; use 1-65535 (0 picks a free port)");
        }
        Objects.requireNonNull(bind, "bind");
        if (bind.isBlank()) {
            throw new ConfigException(
                    "--bind is empty; use an address such as 127.0.0.1 or 0.0.0.0");
        }
        Objects.requireNonNull(databaseUrlFile, "databaseUrlFile");
        Objects.requireNonNull(contentDir, "contentDir");
        baseUrl = validBaseUrl(baseUrl);
        Objects.requireNonNull(siteTitle, "siteTitle");
        if (siteTitle.filter(String::isBlank).isPresent()) {
            throw new ConfigException("--site-title is empty");
        }
        Objects.requireNonNull(discussEmail, "discussEmail");
        discussEmail.ifPresent(
                address -> {
                    if (!isEmailAddress(address)) {
                        throw new ConfigException(
                                "--discuss-email '"
                                        + address
                                        + "' is not an e-mail address such as you@example.org");
                    }
                });
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(https, "https");
        Objects.requireNonNull(sockets, "sockets");
        sockets.ifPresent(s -> s.requireExactly(https.socketNames()));
        Objects.requireNonNull(stateDir, "stateDir");
    }

    /**
     * Reads each option from {@code options} first, then from the environment variable {@code
     * HOME_WEB_<OPTION>}; a database-URL file delivered as a systemd credential is used when none
     * is named.
     */
    public static AppConfig from(Map<String, String> options, Map<String, String> environment) {
        for (var key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new ConfigException(
                        "unknown option --"
                                + key
                                + "; known options: --"
                                + String.join(", --", OPTIONS));
            }
        }
        var settings = new Settings(options, environment);
        int port = settings.get("port").map(AppConfig::parsePort).orElse(8080);
        var bind = settings.get("bind").orElse("127.0.0.1");
        var databaseUrlFile = settings.get("database-url-file").map(Path::of);
        if (databaseUrlFile.isEmpty()) {
            databaseUrlFile =
                    Optional.ofNullable(environment.get("CREDENTIALS_DIRECTORY"))
                            .map(dir -> Path.of(dir, "database-url"))
                            .filter(Files::isRegularFile);
        }
        var content = Path.of(settings.get("content").orElse("content"));
        var baseUrl =
                settings.get("base-url")
                        .orElse(
                                "http://"
                                        + (bind.equals("0.0.0.0") || bind.equals("::")
                                                ? "localhost"
                                                : bind)
                                        + ":"
                                        + port);
        // Empty when not given, so content/site.yaml's title can apply (see SiteSettings).
        var title = settings.get("site-title");
        var discuss = settings.get("discuss-email");
        var dataDir =
                settings.get("data-dir").map(Path::of).orElseGet(() -> defaultDataDir(environment));
        var https = HttpsSettings.from(settings::get, validBaseUrl(baseUrl), dataDir, environment);
        var sockets = SocketActivation.from(environment, ProcessHandle.current().pid());
        // No default outside systemd: a server run by hand (or by a test) keeps no snapshot
        // unless told where.
        var stateDir =
                settings.get("state-dir")
                        .or(
                                () ->
                                        Optional.ofNullable(environment.get("STATE_DIRECTORY"))
                                                .filter(d -> !d.isBlank())
                                                // systemd lists several StateDirectory= entries
                                                // colon-separated.
                                                .map(d -> d.split(":")[0]))
                        .map(Path::of);
        return new AppConfig(
                port,
                bind,
                databaseUrlFile,
                content,
                baseUrl,
                title,
                discuss,
                dataDir,
                https,
                sockets,
                stateDir);
    }

    /**
     * Whether {@code text} looks like an address a mailto link can use, such as you@example.org.
     */
    public static boolean isEmailAddress(String text) {
        return EMAIL.matcher(text).matches();
    }

    /** The configured database, or empty for the embedded default. */
    public Optional<DatabaseUrl> databaseUrl() {
        return databaseUrlFile.map(AppConfig::readDatabaseUrl);
    }

    /** The absolute URL of a site path such as {@code /blog/hello}. */
    public String absolute(String path) {
        return baseUrl + path;
    }

    static DatabaseUrl readDatabaseUrl(Path file) {
        var source = "database-URL file " + file;
        try {
            var bytes = Files.readAllBytes(file);
            var text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(bytes))
                            .toString();
            return DatabaseUrl.parse(text, source);
        } catch (NoSuchFileException e) {
            throw new ConfigException(
                    source + " does not exist; create it with the URL on one line, mode 0600");
        } catch (AccessDeniedException e) {
            throw new ConfigException(source + " is not readable by this user");
        } catch (CharacterCodingException e) {
            throw new ConfigException(source + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(source + " cannot be read: " + e.getMessage());
        }
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("--port '" + value + "' is not a number; use 1-65535");
        }
    }

    private static String validBaseUrl(String value) {
        Objects.requireNonNull(value, "baseUrl");
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not absolute");
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(value, "query or fragment");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(
                    "--base-url '"
                            + value
                            + "' is not an absolute http(s) URL such as https://blog.example.org");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static Path defaultDataDir(Map<String, String> environment) {
        var xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "home-web");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "home-web");
    }

    private record Settings(Map<String, String> options, Map<String, String> environment) {
        Optional<String> get(String option) {
            var value = options.get(option);
            if (value == null) {
                value =
                        environment.get(
                                "HOME_WEB_" + option.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }
    }
}
