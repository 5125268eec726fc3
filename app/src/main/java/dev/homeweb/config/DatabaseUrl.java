package dev.homeweb.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the database is, as the JDBC URL plus credentials kept apart from it so the URL can be
 * logged. {@link #toString()} never shows the password.
 */
public record DatabaseUrl(String jdbcUrl, @Nullable String user, @Nullable String password) {

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
        }
    }

    /**
     * Parses {@code postgresql://user:pass@host:port/db?params} (also {@code postgres://}) or a
     * {@code jdbc:postgresql://} URL. The exception message never contains the value itself,
     * because it may hold a password.
     */
    public static DatabaseUrl parse(String text, String source) {
        var value = text.strip();
        if (value.isEmpty()) {
            throw new ConfigException(
                    source
                            + " is empty; it should hold one line such as"
                            + " postgresql://user:password@localhost:5432/homeweb");
        }
        if (value.contains("\n")) {
            throw new ConfigException(
                    source + " holds more than one line; it should hold only the database URL");
        }
        if (value.startsWith("jdbc:postgresql://")) {
            var hosts = value.substring("jdbc:postgresql://".length()).split("[/?]", 2)[0];
            if (hosts.contains("@")) {
                // The driver does not take user:password@ here, and would repeat it in its errors.
                throw new ConfigException(
                        source
                                + " holds a jdbc: URL with user:password@ before the host; write"
                                + " postgresql://user:password@host:port/database, or"
                                + " jdbc:postgresql://host:port/database?user=...&password=...");
            }
            return new DatabaseUrl(value, null, null);
        }
        var scheme = value.contains("://") ? value.substring(0, value.indexOf("://")) : "";
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw new ConfigException(
                    source
                            + " does not hold a PostgreSQL URL (scheme "
                            + (scheme.isEmpty() ? "missing" : "'" + scheme + "'")
                            + "); expected postgresql://user:password@host:port/database"
                            + " or jdbc:postgresql://host:port/database");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException(
                    source
                            + " holds a malformed URL (at character "
                            + e.getIndex()
                            + "); percent-encode special characters in the user name and"
                            + " password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ConfigException(
                    source
                            + " holds a URL without a host; expected postgresql://user:password@host:port/database");
        }
        var database = Optional.ofNullable(uri.getRawPath()).orElse("").replaceFirst("^/", "");
        if (database.isEmpty()) {
            throw new ConfigException(
                    source
                            + " holds a URL without a database name; expected .../database at the end");
        }
        var jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() != -1) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(database);
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        String user = null;
        String password = null;
        var userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return new DatabaseUrl(jdbc.toString(), user, password);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Whether TLS to the database would protect nothing: every host is this machine's loopback
     * ({@code localhost}, {@code 127.x.x.x}, {@code ::1}) and the URL makes no TLS choice (no
     * {@code ssl...} parameter). The driver's own default, {@code sslmode=prefer}, encrypts
     * whenever the server offers TLS, as Debian's PostgreSQL does out of the box; on a node that
     * cost 1.3 s of a 1,000-post import (4.6 to 3.3 s) for bytes that never leave the kernel.
     */
    public boolean loopbackWithoutTlsChoice() {
        var rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int end = rest.indexOf('/');
        if (end < 0) {
            end = rest.indexOf('?') < 0 ? rest.length() : rest.indexOf('?');
        }
        for (var host : rest.substring(0, end).split(",")) {
            if (!isLoopback(host)) {
                return false;
            }
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            for (var parameter : rest.substring(query + 1).split("&")) {
                if (parameter.toLowerCase(Locale.ROOT).startsWith("ssl")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code host}, {@code host:port} or {@code [v6]:port}, judged by its text, never resolved. */
    private static boolean isLoopback(String hostAndPort) {
        var host =
                hostAndPort.startsWith("[")
                        ? hostAndPort.substring(1, Math.max(1, hostAndPort.indexOf(']')))
                        : hostAndPort.contains(":")
                                ? hostAndPort.substring(0, hostAndPort.indexOf(':'))
                                : hostAndPort;
        return host.equalsIgnoreCase("localhost")
                || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The JDBC URL with any {@code password=} parameter masked, safe to print. */
    public String redacted() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + redacted() + ", user=" + user + ", password=***]";
    }
}
