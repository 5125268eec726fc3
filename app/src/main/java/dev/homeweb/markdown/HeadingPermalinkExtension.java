package dev.homeweb.markdown;

import org.commonmark.Extension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Gives every heading a unique {@code id} and ends it with a visible, labelled link to itself:
 * {@code <h2 id="why">Why <a class="anchor" href="#why" aria-label="Permalink to Why">#</a></h2>}.
 *
 * <p>Ids are made as commonmark-ext-heading-anchor makes them (so existing links keep working),
 * during parsing, so {@link TableOfContents} links to the same ids. Use it instead of that
 * extension, not with it.
 */
public final class HeadingPermalinkExtension
        implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private HeadingPermalinkExtension() {}

    public static Extension create() {
        return new HeadingPermalinkExtension();
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(new HeadingIds());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.attributeProviderFactory(context -> new HeadingIdAttribute());
        builder.nodeRendererFactory(HeadingPermalinkRenderer::new);
    }
}
