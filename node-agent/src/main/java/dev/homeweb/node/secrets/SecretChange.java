package dev.homeweb.node.secrets;

import java.util.Optional;

/**
 * What the node's agent found for one secret: a short SHA-256 prefix of the new value, never the
 * value. The agent prints one per line: {@code STATUS NAME [HASH]}.
 */
public record SecretChange(String name, Status status, Optional<String> sha256) {
    /** How a secret on the node compares with the one in the repository. */
    public enum Status {
        ADDED,
        CHANGED,
        UNCHANGED,
        REMOVED
    }

    /** Whether units using the secret must restart. */
    public boolean restarts() {
        return status == Status.ADDED || status == Status.CHANGED;
    }

    public String line() {
        return status.name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + name
                + sha256.map(h -> " " + h).orElse("");
    }

    public static Optional<SecretChange> parse(String line) {
        var f = line.strip().split(" ");
        if (f.length < 2) {
            return Optional.empty();
        }
        try {
            var status = Status.valueOf(f[0].toUpperCase(java.util.Locale.ROOT));
            return Optional.of(
                    new SecretChange(
                            f[1], status, f.length > 2 ? Optional.of(f[2]) : Optional.empty()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** For steps and plans: {@code database-url changed (sha256 1a2b3c4d5e6f)}. */
    public String describe() {
        return name
                + " "
                + status.name().toLowerCase(java.util.Locale.ROOT)
                + sha256.map(h -> " (sha256 " + h + "…)").orElse("");
    }
}
