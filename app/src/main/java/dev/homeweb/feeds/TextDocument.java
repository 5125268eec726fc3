package dev.homeweb.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A generated document ready to serve: its text, its {@code Content-Type}, and when its content
 * last changed (taken from the posts, never from the clock, so rebuilding gives the same value).
 */
public record TextDocument(String text, String contentType, Instant lastModified) {
    public TextDocument {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /** The text encoded as UTF-8, which every document declares or implies. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
