package dev.homeweb.node.age;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * An age X25519 identity file as {@code age-keygen} writes it: comment lines, one of them {@code #
 * public key: age1...}, and {@code AGE-SECRET-KEY-1...} lines. {@link #toString()} hides the key.
 */
public final class AgeIdentity {
    private static final String PUBLIC_KEY = "# public key: ";

    private final List<String> secretKeys;
    private final Optional<String> recipient;

    private AgeIdentity(List<String> secretKeys, Optional<String> recipient) {
        this.secretKeys = List.copyOf(secretKeys);
        this.recipient = recipient;
    }

    /** A fresh key pair. */
    public static AgeIdentity generate() {
        try {
            var pair = new X25519KeyPairGenerator().generateKeyPair();
            return new AgeIdentity(
                    List.of(pair.getPrivate().toString()),
                    Optional.of(pair.getPublic().toString()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an X25519 key pair", e);
        }
    }

    /** Reads an identity file's text; {@code source} names it in errors. */
    public static AgeIdentity parse(String text, String source) {
        var keys =
                text.lines()
                        .map(String::strip)
                        .filter(l -> l.startsWith("AGE-SECRET-KEY-1"))
                        .toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(
                    source + " holds no AGE-SECRET-KEY-1 line; create one with age-keygen -o FILE");
        }
        var recipient =
                text.lines()
                        .filter(l -> l.startsWith(PUBLIC_KEY))
                        .map(l -> l.substring(PUBLIC_KEY.length()).strip())
                        .findFirst();
        return new AgeIdentity(keys, recipient);
    }

    /** The file text, in age-keygen's layout. */
    public String fileText(Instant created) {
        return "# created: "
                + created.truncatedTo(ChronoUnit.SECONDS)
                + "\n"
                + recipient.map(r -> PUBLIC_KEY + r + "\n").orElse("")
                + String.join("\n", secretKeys)
                + "\n";
    }

    public List<String> secretKeys() {
        return secretKeys;
    }

    /** The recipient from the {@code # public key:} comment, when the file has one. */
    public Optional<String> recipient() {
        return recipient;
    }

    @Override
    public String toString() {
        return "AgeIdentity[" + recipient.orElse("recipient unknown") + "]";
    }
}
