package dev.homeweb.deploy.units;

import java.util.Objects;

/**
 * A rendered file for the node: a systemd unit installed in {@code /etc/systemd/system}, or a
 * helper script ({@code directory} says where). Compared by text to decide whether to reinstall.
 */
public record UnitFile(String directory, String name, String text, String mode) {
    public static final String SYSTEMD_DIRECTORY = "/etc/systemd/system";

    public UnitFile {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        if (!name.matches("[A-Za-z0-9@._-]+")) {
            throw new IllegalArgumentException("bad unit file name: " + name);
        }
        if (!mode.matches("0[0-7]{3}")) {
            throw new IllegalArgumentException("bad mode: " + mode);
        }
    }

    static UnitFile unit(String name, String text) {
        return new UnitFile(SYSTEMD_DIRECTORY, name, text, "0644");
    }

    public String path() {
        return directory + "/" + name;
    }

    public boolean isSystemdUnit() {
        return directory.equals(SYSTEMD_DIRECTORY);
    }

    /** A socket unit: systemd holds its listening socket for the server. */
    public boolean isSocket() {
        return isSystemdUnit() && name.endsWith(".socket");
    }
}
