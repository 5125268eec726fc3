package dev.homeweb.content;

import java.nio.file.Path;
import java.util.Objects;

/** One problem in one content file; {@code line} is 1-based, or 0 when no line applies. */
public record ContentError(Path file, int line, String message) {
    public ContentError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line " + line + " is negative");
        }
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
