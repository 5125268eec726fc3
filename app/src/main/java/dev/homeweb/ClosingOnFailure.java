package dev.homeweb;

import java.util.function.Supplier;

/** Start-up in steps, each of which must undo what it opened when a later one throws. */
final class ClosingOnFailure {
    private ClosingOnFailure() {}

    /** What {@code body} returns; when it throws instead, {@code close} runs first. */
    static <T> T run(Runnable close, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            try {
                close.run();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
