package dev.homeweb.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Listening sockets passed by systemd socket activation (the sd_listen_fds protocol): {@code
 * LISTEN_FDS} sockets from fd 3 on, for this process ({@code LISTEN_PID}), named by {@code
 * LISTEN_FDNAMES} in a unit's {@code FileDescriptorName=}.
 */
public record SocketActivation(List<String> names) {
    public static final int FIRST_FD = 3;

    public SocketActivation {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new ConfigException("LISTEN_FDS is 0: systemd passed no socket");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new ConfigException(
                    "LISTEN_FDNAMES "
                            + String.join(":", names)
                            + " names a socket twice; give each socket unit its own"
                            + " FileDescriptorName= (http, https)");
        }
    }

    /** The sockets passed to this process, or empty when systemd passed none (or to another). */
    static Optional<SocketActivation> from(Map<String, String> environment, long pid) {
        var fds = environment.get("LISTEN_FDS");
        var listenPid = environment.get("LISTEN_PID");
        if (fds == null || listenPid == null || !listenPid.strip().equals(Long.toString(pid))) {
            return Optional.empty();
        }
        int count;
        try {
            count = Integer.parseInt(fds.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("LISTEN_FDS '" + fds + "' is not a number of sockets");
        }
        var namesValue = environment.get("LISTEN_FDNAMES");
        if (namesValue == null && count != 1) {
            throw new ConfigException(
                    "LISTEN_FDS is "
                            + count
                            + " but LISTEN_FDNAMES is not set; name the sockets http and https"
                            + " (FileDescriptorName= in the socket units)");
        }
        var names = namesValue == null ? List.of("http") : Arrays.asList(namesValue.split(":", -1));
        if (names.size() != count) {
            throw new ConfigException(
                    "LISTEN_FDNAMES '"
                            + namesValue
                            + "' names "
                            + names.size()
                            + " socket(s) but LISTEN_FDS is "
                            + count);
        }
        return Optional.of(new SocketActivation(names));
    }

    /** Refuses sockets the server would not listen on, and a missing one it needs. */
    void requireExactly(List<String> needed) {
        var single = needed.size() == 1 && names.size() == 1;
        if (!single && !(names.containsAll(needed) && needed.containsAll(names))) {
            throw new ConfigException(
                    "LISTEN_FDNAMES "
                            + String.join(":", names)
                            + ": systemd must pass exactly the sockets named "
                            + String.join(" and ", needed)
                            + " for this --https setting");
        }
    }
}
