package dev.homeweb.db;

import dev.homeweb.config.DatabaseUrl;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL cannot be reached, or refused the login. Every command reports it with this one
 * message: where it tried (the URL without its password, the host and the port), the cause, and
 * what to check. The web layer uses {@link #isCauseOf} to tell "the database is away" from a bug.
 */
public final class ConnectionFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int DEFAULT_PORT = 5432;

    /** SQL states meaning "no usable connection", as opposed to a failed statement. */
    private static final Set<String> UNAVAILABLE_STATES =
            Set.of("3D000", "53300", "57P01", "57P03");

    private final String reason;

    ConnectionFailed(DatabaseUrl url, SQLException e) {
        super(message(url, e), e);
        var failure = deepest(e).orElse(e);
        var address = Address.of(url.jdbcUrl());
        this.reason = cause(failure, find(failure, UnknownHostException.class), address);
    }

    /**
     * The cause alone, without the URL or the advice: for a line a server logs each time the cause
     * changes while it waits for the database.
     */
    public String reason() {
        return reason;
    }

    /** Whether {@code e} or one of its causes says no connection could be had. */
    public static boolean isCauseOf(Throwable e) {
        return deepest(e).isPresent();
    }

    /**
     * Whether the pool timed out with no failed attempt to blame: the database took the connection
     * and has not answered yet, which is worth waiting for where waiting is allowed.
     */
    static boolean isSlowAnswer(SQLException e) {
        return e instanceof SQLTransientConnectionException && e.getCause() == null;
    }

    static String message(DatabaseUrl url, SQLException e) {
        var failure = deepest(e).orElse(e);
        var address = Address.of(url.jdbcUrl());
        var state = failure.getSQLState() == null ? "" : failure.getSQLState();
        var unknownHost = find(failure, UnknownHostException.class);
        String check;
        if (unknownHost.isPresent()) {
            check = "Check the host name " + address.host() + " in the database-URL file.";
        } else if (state.startsWith("28")) {
            check =
                    "Check the user name and password in the database-URL file, and that"
                            + " pg_hba.conf on the server lets this user in from here.";
        } else if (state.equals("3D000")) {
            check = "Check the database name in the database-URL file, or create that database.";
        } else if (state.equals("53300") || state.startsWith("57P")) {
            check = "PostgreSQL is starting, stopping or full; try again in a moment.";
        } else {
            check =
                    "Check that PostgreSQL is running on "
                            + address.where()
                            + " (listen_addresses and port in postgresql.conf, and any firewall"
                            + " between), and that the host and port in the database-URL file are"
                            + " right.";
        }
        return "cannot connect to "
                + url.redacted()
                + ": "
                + cause(failure, unknownHost, address)
                + "\n"
                + check;
    }

    /** The driver's own words, without its generic advice, which the check above replaces. */
    private static String cause(
            SQLException failure, Optional<UnknownHostException> unknown, Address address) {
        if (unknown.isPresent()) {
            return "unknown host " + unknown.get().getMessage();
        }
        if (failure instanceof SQLTransientConnectionException && failure.getCause() == null) {
            // The pool timed out with no attempt to blame: the host took every packet, answered
            // none.
            return "no answer from " + address.host() + " within the pool's timeout";
        }
        var text = String.valueOf(failure.getMessage()).strip();
        int advice = text.indexOf(" Check that the hostname");
        if (advice > 0) {
            text = text.substring(0, advice);
        }
        var io = find(failure, java.io.IOException.class);
        if (text.startsWith("The connection attempt failed") && io.isPresent()) {
            text =
                    text.replaceFirst("\\.$", "")
                            + " ("
                            + io.get().getMessage().toLowerCase(Locale.ROOT)
                            + ")";
        }
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** The innermost exception in the chain that means no connection, for its precise text. */
    private static Optional<SQLException> deepest(Throwable e) {
        SQLException found = null;
        for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && meansNoConnection(sql)) {
                found = sql;
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean meansNoConnection(SQLException e) {
        var state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException
                || state.startsWith("08")
                || state.startsWith("28")
                || UNAVAILABLE_STATES.contains(state);
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /**
     * Host and port of a {@code jdbc:postgresql://host[:port][,host2...]/db} URL; {@code port} is
     * empty when the URL names several hosts.
     */
    record Address(String host, String port) {
        static Address of(String jdbcUrl) {
            var rest = jdbcUrl.substring("jdbc:postgresql://".length());
            var hosts = rest.split("[/?]", 2)[0];
            if (hosts.contains(",")) {
                return new Address(hosts, "");
            }
            int colon = hosts.lastIndexOf(':');
            if (colon < 0 || hosts.endsWith("]")) {
                return new Address(hosts.isEmpty() ? "localhost" : hosts, "" + DEFAULT_PORT);
            }
            return new Address(hosts.substring(0, colon), hosts.substring(colon + 1));
        }

        String where() {
            return port.isEmpty()
                    ? "each of " + host + " and listening on the port given for it"
                    : host + " and listening on port " + port;
        }
    }
}
