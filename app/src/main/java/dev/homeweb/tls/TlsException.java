package dev.homeweb.tls;

/**
 * HTTPS cannot be served as configured: a certificate or key that cannot be read, or a first
 * certificate the CA did not issue. The message says which file or step and why.
 */
public final class TlsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TlsException(String message) {
        super(message);
    }

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
