package dev.homeweb.site;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A page rendered on first use and kept from then on, so a snapshot of a thousand posts is ready at
 * once and only pays for the pages that are asked for. Rendering happens at most once, on the
 * thread that asks first; others asking meanwhile wait for it.
 */
public final class DeferredPage {
    private @Nullable Supplier<Page> render;
    private volatile @Nullable Page page;

    DeferredPage(Supplier<Page> render) {
        this.render = Objects.requireNonNull(render, "render");
    }

    /** The page, rendered now if this is the first use. */
    public Page get() {
        var result = page;
        if (result == null) {
            synchronized (this) {
                result = page;
                if (result == null) {
                    result = Objects.requireNonNull(render, "render").get();
                    page = result;
                    // What the renderer captured (posts, heads) is not needed any more.
                    render = null;
                }
            }
        }
        return result;
    }

    /** Whether {@link #get()} returns without rendering. */
    public boolean isRendered() {
        return page != null;
    }
}
