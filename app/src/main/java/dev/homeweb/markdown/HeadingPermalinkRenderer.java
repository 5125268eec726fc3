package dev.homeweb.markdown;

import java.util.LinkedHashMap;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

/**
 * Renders the permalink as a link whose visible text is "#" and whose accessible name says where it
 * goes, so screen readers do not announce a bare "number sign, link".
 */
final class HeadingPermalinkRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;

    HeadingPermalinkRenderer(HtmlNodeRendererContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(HeadingPermalink.class);
    }

    @Override
    public void render(Node node) {
        var permalink = (HeadingPermalink) node;
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("class", "anchor");
        attributes.put("href", "#" + permalink.id());
        attributes.put("aria-label", "Permalink to " + permalink.title());
        var html = context.getWriter();
        html.raw(" ");
        html.tag("a", context.extendAttributes(node, "a", attributes));
        html.raw("#");
        html.tag("/a");
    }
}
