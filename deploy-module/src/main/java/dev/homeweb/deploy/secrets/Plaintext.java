package dev.homeweb.deploy.secrets;

import java.util.Arrays;
import java.util.Objects;

/**
 * A decrypted secret value in memory. Closing it overwrites the bytes, so a {@code try} block
 * bounds how long the plaintext lives on the heap, whichever way the block ends.
 */
public final class Plaintext implements AutoCloseable {
    private final byte[] bytes;

    /** Takes ownership of {@code bytes}: they are zeroed on {@link #close()}. */
    public Plaintext(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    /** The value itself, not a copy (a copy would be one more plaintext left to wipe). */
    public byte[] bytes() {
        return bytes;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
    }

    /** Never the value. */
    @Override
    public String toString() {
        return "Plaintext[" + bytes.length + " bytes]";
    }
}
