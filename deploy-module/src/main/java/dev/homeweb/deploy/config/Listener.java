package dev.homeweb.deploy.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One listening socket of the server, held by systemd in a socket unit of its own so that it stays
 * open while the server restarts. {@code name} is the socket's {@code FileDescriptorName=}, the
 * name under which the server adopts it ({@code http}, {@code https}).
 */
public record Listener(String name, String bind, int port) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,15}");

    public Listener {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bind, "bind");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "listener name '" + name + "' is not [a-z][a-z0-9]*");
        }
        if (port < 1 || port > 65535) {
            throw new ConfigException("listener " + name + " port " + port + " is outside 1-65535");
        }
    }

    /** The socket unit that holds it: {@code home-web-http.socket}. */
    public String socketUnit() {
        return "home-web-" + name + ".socket";
    }

    /**
     * The address for {@code ListenStream=}: systemd takes numeric addresses only, IPv6 in
     * brackets.
     */
    public String listenStream() {
        var address = bind.equals("localhost") ? "127.0.0.1" : bind;
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
