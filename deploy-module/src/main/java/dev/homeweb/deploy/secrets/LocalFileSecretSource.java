package dev.homeweb.deploy.secrets;

import dev.homeweb.deploy.config.SecretFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/** Reads each secret from the local file the config names; a trailing newline is kept as is. */
public final class LocalFileSecretSource implements SecretSource {
    @Override
    public Secret load(SecretFile spec) {
        var file = spec.localFile();
        try {
            var bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new IllegalArgumentException(
                        "secret '" + spec.credential() + "' file " + file + " is empty");
            }
            return new Secret(spec.credential(), bytes);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    "secret '" + spec.credential() + "' file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(
                    "secret '" + spec.credential() + "' file " + file + " is not readable");
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "secret '" + spec.credential() + "' file " + file + " cannot be read");
        }
    }
}
