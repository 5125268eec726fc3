package dev.homeweb.posts;

import dev.homeweb.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The database's secret for draft preview addresses: a draft's token is an HMAC of its slug, so
 * only a holder of the key can make one, and the same slug keeps its token across imports.
 */
public final class PreviewKey {
    /** 128 bits of the HMAC: unguessable, and short enough for a link in a chat message. */
    private static final int TOKEN_BYTES = 16;

    private static final int MIN_SECRET_BYTES = 16;

    private final byte[] secret;

    public PreviewKey(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "preview key has " + secret.length + " bytes; at least 16 are needed");
        }
        this.secret = secret.clone();
    }

    /** The token of {@code slug}: URL-safe Base64, 22 characters. */
    public String token(String slug) {
        var tag = Sha256.hmac(secret, slug.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Arrays.copyOf(tag, TOKEN_BYTES));
    }

    @Override
    public String toString() {
        return "PreviewKey[secret=***]";
    }
}
