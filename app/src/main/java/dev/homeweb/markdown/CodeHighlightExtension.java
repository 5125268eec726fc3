package dev.homeweb.markdown;

import org.commonmark.Extension;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Highlights fenced code blocks whose info string names a known language, when the HTML is
 * rendered, as {@code <span class="hl-...">} tokens that highlight.css colours; other code blocks
 * render as CommonMark renders them. Add it before other extensions that render code blocks.
 */
public final class CodeHighlightExtension implements HtmlRenderer.HtmlRendererExtension {
    private final Highlighter highlighter;

    private CodeHighlightExtension(Highlighter highlighter) {
        this.highlighter = highlighter;
    }

    /** Compiles every grammar (a few milliseconds): create one and share it. */
    public static Extension create() {
        return new CodeHighlightExtension(new Highlighter());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(
                context -> new HighlightedCodeBlockRenderer(context, highlighter));
    }
}
