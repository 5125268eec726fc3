package dev.homeweb.deploy.secrets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A secret's value, named by its systemd credential. {@link #toString()} never shows the value;
 * {@link #sha256()} is what plans and change detection compare.
 */
public final class Secret {
    private final String credential;
    private final byte[] value;

    public Secret(String credential, byte[] value) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.value = value.clone();
    }

    public String credential() {
        return credential;
    }

    /** A copy of the value; callers stream it and drop it. */
    public byte[] value() {
        return value.clone();
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s
                && s.credential.equals(credential)
                && MessageDigest.isEqual(s.value, value);
    }

    @Override
    public int hashCode() {
        return credential.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Secret[" + credential + ", sha256=" + sha256().substring(0, 12) + "…]";
    }
}
