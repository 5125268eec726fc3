package dev.homeweb.deploy.secrets;

import dev.homeweb.deploy.config.SecretFile;

/**
 * Where the deployer gets a secret's value. Today a local plaintext file; encrypted sources plug in
 * here without the delivery changing.
 */
public interface SecretSource {
    /**
     * Reads the secret, or throws {@link IllegalArgumentException} naming the file (never the
     * value).
     */
    Secret load(SecretFile spec);
}
