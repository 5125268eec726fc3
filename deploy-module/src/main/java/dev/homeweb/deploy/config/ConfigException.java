package dev.homeweb.deploy.config;

/** Bad deploy configuration: the message names the key (as a dotted path) and the bad value. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
