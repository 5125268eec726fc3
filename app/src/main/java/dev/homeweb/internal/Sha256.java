package dev.homeweb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the one way the app names content by its bytes. */
public final class Sha256 {
    private Sha256() {}

    /** The hash of the parts one after another. */
    public static String hex(byte[]... parts) {
        var digest = digest();
        for (var part : parts) {
            digest.update(part);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of the parts, each but the last followed by a NUL byte, so no two parts blur. */
    public static String hexOfFields(byte[]... parts) {
        var digest = digest();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                digest.update((byte) 0);
            }
            digest.update(parts[i]);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of everything {@code in} holds, read to its end (it is not closed). */
    public static String hex(InputStream in) throws IOException {
        var digest = digest();
        in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A fresh SHA-256 digest, for a caller hashing bytes as they stream past. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
