package dev.homeweb.deploy.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A secret the node needs, named as the systemd credential the server reads ({@code database-url}),
 * and the local file it comes from. The file is only read at deploy time, never here.
 */
public record SecretFile(String credential, Path localFile) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public static final String DATABASE_URL = "database-url";

    public SecretFile {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(localFile, "localFile");
        if (!NAME.matcher(credential).matches()) {
            throw new ConfigException(
                    "secret name '" + credential + "' must match [a-z0-9][a-z0-9-]*");
        }
    }
}
