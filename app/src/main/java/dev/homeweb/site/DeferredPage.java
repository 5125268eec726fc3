package dev.homeweb.site;

import java.lang.ref.SoftReference;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A page rendered on first use and kept while memory allows, so a snapshot of a thousand posts is
 * ready at once and holds only the pages that are asked for. Kept softly: when the heap runs short
 * the collector may drop a page, and the next request renders it again, to the same bytes and ETag.
 * Rendering happens on the thread that asks; others asking meanwhile wait for it.
 */
public final class DeferredPage {
    private static final SoftReference<Page> NOT_RENDERED = new SoftReference<>(null);

    private final Supplier<Page> render;
    private volatile SoftReference<Page> page = NOT_RENDERED;

    DeferredPage(Supplier<Page> render) {
        this.render = Objects.requireNonNull(render, "render");
    }

    /** The page, rendered now if it is not at hand. */
    public Page get() {
        var result = page.get();
        if (result == null) {
            synchronized (this) {
                result = page.get();
                if (result == null) {
                    result = render.get();
                    page = new SoftReference<>(result);
                }
            }
        }
        return result;
    }

    /** Whether {@link #get()} returns without rendering (at the moment of asking). */
    public boolean isRendered() {
        return page.get() != null;
    }
}
