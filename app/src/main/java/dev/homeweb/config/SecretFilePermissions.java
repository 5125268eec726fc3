package dev.homeweb.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Warns, as ssh does for a private key, when the database-URL file (which may hold the password) is
 * open to other users. A systemd credential is exempt: systemd decides who reads those.
 */
public final class SecretFilePermissions {
    private static final Set<PosixFilePermission> OTHERS =
            Set.of(
                    PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OTHERS_EXECUTE);

    private SecretFilePermissions() {}

    /**
     * The warning for {@code file}, or empty when only its owner may use it, when it lies in {@code
     * $CREDENTIALS_DIRECTORY}, or when its mode cannot be read (reading it will say why).
     */
    public static Optional<String> warning(Path file, Map<String, String> environment) {
        var credentials = environment.get("CREDENTIALS_DIRECTORY");
        if (credentials != null
                && !credentials.isBlank()
                && file.toAbsolutePath().normalize().startsWith(Path.of(credentials))) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        if (permissions.stream().noneMatch(OTHERS::contains)) {
            return Optional.empty();
        }
        return Optional.of(
                "warning: database-URL file "
                        + file
                        + " is open to other users (mode "
                        + mode(permissions)
                        + ") and may hold the database password; make it private with: chmod 600 "
                        + file);
    }

    /** The permissions as an octal mode such as {@code 0644}. */
    static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (var permission : permissions) {
            // PosixFilePermission is declared from OWNER_READ (bit 8) down to OTHERS_EXECUTE (0).
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }
}
