package dev.homeweb.node.age;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.armor.ArmoredEncryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The age file format (age-encryption.org/v1) with X25519 recipients, through jagged: what the
 * {@code age} command line writes, this reads, binary or armored, and the other way round. Errors
 * never carry the library's message, which could quote input.
 */
public final class Age {
    private static final byte[] ARMOR_START =
            "-----BEGIN AGE ENCRYPTED FILE-----".getBytes(StandardCharsets.US_ASCII);

    private Age() {}

    /**
     * Encrypts {@code plaintext} to every recipient (duplicates dropped); binary unless armored.
     */
    public static byte[] encrypt(byte[] plaintext, List<String> recipients, boolean armor) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no recipients to encrypt to");
        }
        try {
            var writers = new ArrayList<RecipientStanzaWriter>();
            for (var recipient : new LinkedHashSet<>(recipients)) {
                writers.add(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient));
            }
            var factory =
                    armor
                            ? new ArmoredEncryptingChannelFactory()
                            : new StandardEncryptingChannelFactory();
            var out = new ByteArrayOutputStream();
            try (var channel = factory.newEncryptingChannel(Channels.newChannel(out), writers)) {
                var buffer = ByteBuffer.wrap(plaintext);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot encrypt (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Decrypts with the first identity that matches; throws {@link AgeException} when none does or
     * the file is not an intact age file.
     */
    public static byte[] decrypt(byte[] ciphertext, List<String> identities) {
        try {
            var readers = new ArrayList<RecipientStanzaReader>();
            for (var identity : identities) {
                readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(identity));
            }
            var factory =
                    isArmored(ciphertext)
                            ? new ArmoredDecryptingChannelFactory()
                            : new StandardDecryptingChannelFactory();
            try (var channel =
                    factory.newDecryptingChannel(
                            Channels.newChannel(new ByteArrayInputStream(ciphertext)), readers)) {
                return Channels.newInputStream(channel).readAllBytes();
            }
        } catch (UnsupportedRecipientStanzaException e) {
            throw new AgeException(
                    "no identity here can decrypt it (it is encrypted to other recipients)");
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new AgeException(
                    "it is not a valid age file or it is damaged ("
                            + e.getClass().getSimpleName()
                            + ")");
        }
    }

    static boolean isArmored(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && Character.isWhitespace(bytes[start])) {
            start++;
        }
        if (bytes.length - start < ARMOR_START.length) {
            return false;
        }
        for (int i = 0; i < ARMOR_START.length; i++) {
            if (bytes[start + i] != ARMOR_START[i]) {
                return false;
            }
        }
        return true;
    }

    /** A file that cannot be decrypted here; the message never holds key or plaintext. */
    public static final class AgeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AgeException(String message) {
            super(message);
        }
    }
}
