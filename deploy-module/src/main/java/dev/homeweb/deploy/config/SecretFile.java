package dev.homeweb.deploy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One secret of {@code deploy.yaml}: its name (the systemd credential the units load), the
 * age-encrypted file in the repository, the nodes that get it, the units that use it, and how it
 * lands on the node. The file is only read at deploy time, never here.
 */
public record SecretFile(
        String credential,
        Path localFile,
        List<String> nodes,
        List<String> units,
        String owner,
        String group,
        String mode,
        Optional<String> path) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern UNIT =
            Pattern.compile("[A-Za-z0-9:_.@-]+\\.(service|socket|timer|path|mount|target)");
    private static final Pattern ACCOUNT = Pattern.compile("[a-z_][a-z0-9_-]{0,31}|root");
    private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");
    private static final Pattern ABSOLUTE = Pattern.compile("/[A-Za-z0-9._/+-]*[A-Za-z0-9._+-]");

    public static final String DATABASE_URL = "database-url";

    /** The units of home-web itself; each gets a {@code LoadCredential=} line for the secret. */
    public static final List<String> HOME_WEB_UNITS =
            List.of("home-web.service", "home-web-migrate@.service", "home-web-import.service");

    public SecretFile {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(localFile, "localFile");
        if (!NAME.matcher(credential).matches()) {
            throw new ConfigException(
                    "secret name '" + credential + "' must match [a-z0-9][a-z0-9-]*");
        }
        nodes = List.copyOf(nodes);
        units = List.copyOf(units);
        for (var unit : units) {
            if (!UNIT.matcher(unit).matches()) {
                throw new ConfigException(
                        "secrets." + credential + ".units entry '" + unit + "' is not a unit name");
            }
        }
        requireAccount("owner", owner);
        requireAccount("group", group);
        Objects.requireNonNull(mode, "mode");
        if (!MODE.matcher(mode).matches()) {
            throw new ConfigException(
                    "secrets."
                            + credential
                            + ".mode '"
                            + mode
                            + "' is not an octal mode like 0400");
        }
        path.ifPresent(
                p -> {
                    if (!ABSOLUTE.matcher(p).matches() || p.contains("..")) {
                        throw new ConfigException(
                                "secrets."
                                        + credential
                                        + ".path '"
                                        + p
                                        + "' must be an absolute path without spaces or '..'");
                    }
                });
    }

    /** A secret for home-web's own units with the defaults: root-only, in the credstore. */
    public static SecretFile of(String credential, Path localFile) {
        return new SecretFile(
                credential,
                localFile,
                List.of(),
                HOME_WEB_UNITS,
                "root",
                "root",
                "0400",
                Optional.empty());
    }

    /** Whether {@code unit} (a name such as {@code home-web-migrate@.service}) uses it. */
    public boolean usedBy(String unit) {
        return units.contains(unit);
    }

    private void requireAccount(String key, String name) {
        Objects.requireNonNull(name, key);
        if (!ACCOUNT.matcher(name).matches()) {
            throw new ConfigException(
                    "secrets." + credential + "." + key + " '" + name + "' is not an account name");
        }
    }
}
