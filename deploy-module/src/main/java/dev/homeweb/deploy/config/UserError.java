package dev.homeweb.deploy.config;

/**
 * The user asked for something that cannot be done as asked (a missing file, a release that is not
 * on the node); the message names it and what would be right. Nothing was changed because of it.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
