package dev.homeweb.deploy.ssh;

import java.util.Objects;
import java.util.Optional;

/**
 * Where to connect. An empty user leaves it to {@code ~/.ssh/config} or the local user name, as
 * OpenSSH does.
 */
public record SshTarget(String host, int port, Optional<String> user) {
    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 1-65535");
        }
    }

    @Override
    public String toString() {
        return user.map(u -> u + "@").orElse("") + host + ":" + port;
    }
}
