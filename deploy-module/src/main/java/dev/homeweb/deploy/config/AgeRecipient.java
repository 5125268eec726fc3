package dev.homeweb.deploy.config;

import java.util.regex.Pattern;

/** Checks the shape of an age X25519 recipient ({@code age1} and 58 Bech32 characters). */
public final class AgeRecipient {
    private static final Pattern RECIPIENT = Pattern.compile("age1[02-9ac-hj-np-z]{58}");

    private AgeRecipient() {}

    /** Returns {@code value} if it looks like a recipient, else throws naming {@code key}. */
    public static String require(String key, String value) {
        if (!RECIPIENT.matcher(value).matches()) {
            throw new ConfigException(
                    "'"
                            + key
                            + "' is '"
                            + value
                            + "', not an age recipient (age1..., as age-keygen prints it)");
        }
        return value;
    }
}
