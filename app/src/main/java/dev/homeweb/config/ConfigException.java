package dev.homeweb.config;

/** Bad configuration: the message names the option or file and says what would be right. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
