package dev.homeweb.deploy.lock;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Who holds a node's deploy lock: user, machine, process, since when, for which release. */
public record LockHolder(String user, String host, long pid, Instant since, String release) {
    public LockHolder {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(release, "release");
        for (var value : new String[] {user, host, release}) {
            if (!value.matches("[A-Za-z0-9._@:-]*")) {
                throw new IllegalArgumentException("unsafe lock field: " + value);
            }
        }
    }

    /** The lock file's text: {@code key=value} lines. */
    String toText() {
        return "user="
                + user
                + "\nhost="
                + host
                + "\npid="
                + pid
                + "\nsince="
                + since
                + "\nrelease="
                + release
                + "\n";
    }

    static Optional<LockHolder> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        text.lines()
                .filter(l -> l.contains("="))
                .forEach(
                        l ->
                                fields.put(
                                        l.substring(0, l.indexOf('=')),
                                        l.substring(l.indexOf('=') + 1)));
        try {
            return Optional.of(
                    new LockHolder(
                            fields.getOrDefault("user", "?"),
                            fields.getOrDefault("host", "?"),
                            Long.parseLong(fields.getOrDefault("pid", "-1")),
                            Instant.parse(fields.getOrDefault("since", "1970-01-01T00:00:00Z")),
                            fields.getOrDefault("release", "?")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public String describe() {
        return user
                + "@"
                + host
                + " (pid "
                + pid
                + ") since "
                + since
                + " deploying release "
                + release;
    }
}
