package dev.homeweb.web;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Off-heap copies of the bodies asked for most, within a fixed budget of bytes.
 *
 * <p>Why: the JDK writes a heap buffer to a socket by first copying it into a temporary direct
 * buffer, on every write, and what a full socket did not take is copied again on the next write;
 * for the Atom feed (hundreds of KB) that copying was a third of a request's CPU. A direct buffer
 * is read by the kernel in place, as nginx's sendfile reads its page cache.
 *
 * <p>Why a budget: the collector does not see off-heap bytes, so softly kept pages it would drop
 * under heap pressure could pile up there unbounded (10,000 posts are about 150 MB of pages). Only
 * a body asked for {@link #hitsBeforeCopy} times gets a copy, so a crawler walking every page once
 * does not spend the budget. One budget per snapshot: a new snapshot starts afresh and the old
 * copies go with the old pages, so for a moment after a reload both may be held.
 */
final class DirectBodies {
    /** Room for the site's feeds and a few hundred of its most read pages. */
    static final long BUDGET_BYTES = 4L * 1024 * 1024;

    static final int HITS_BEFORE_COPY = 16;

    /** For bodies that are never copied: the built-in assets and the previews. */
    static final DirectBodies NONE = new DirectBodies(0, Integer.MAX_VALUE);

    private final AtomicLong left;
    private final int hitsBeforeCopy;

    DirectBodies(long budgetBytes, int hitsBeforeCopy) {
        if (budgetBytes < 0 || hitsBeforeCopy < 1) {
            throw new IllegalArgumentException(
                    "budget " + budgetBytes + " and hits " + hitsBeforeCopy + " must be positive");
        }
        this.left = new AtomicLong(budgetBytes);
        this.hitsBeforeCopy = hitsBeforeCopy;
    }

    static DirectBodies standard() {
        return new DirectBodies(BUDGET_BYTES, HITS_BEFORE_COPY);
    }

    int hitsBeforeCopy() {
        return hitsBeforeCopy;
    }

    /** What is left of the budget. */
    long bytesLeft() {
        return left.get();
    }

    /** A read-only direct copy of {@code bytes}, or null when the budget has no room for it. */
    @Nullable ByteBuffer copy(byte[] bytes) {
        long room;
        do {
            room = left.get();
            if (room < bytes.length) {
                return null;
            }
        } while (!left.compareAndSet(room, room - bytes.length));
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }
}
