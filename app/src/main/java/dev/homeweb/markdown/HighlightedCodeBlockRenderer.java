package dev.homeweb.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/** Renders a fenced code block as CommonMark does, with its code highlighted when it can be. */
final class HighlightedCodeBlockRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;
    private final Highlighter highlighter;

    HighlightedCodeBlockRenderer(HtmlNodeRendererContext context, Highlighter highlighter) {
        this.context = context;
        this.html = context.getWriter();
        this.highlighter = highlighter;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
        var block = (FencedCodeBlock) node;
        var language = language(block);
        var codeAttributes = new LinkedHashMap<String, String>();
        if (!language.isEmpty()) {
            codeAttributes.put("class", "language-" + language);
        }
        var code = block.getLiteral();
        Optional<String> highlighted =
                language.isEmpty() ? Optional.empty() : highlighter.highlight(code, language);

        html.line();
        html.tag("pre", context.extendAttributes(block, "pre", Map.of()));
        html.tag("code", context.extendAttributes(block, "code", codeAttributes));
        highlighted.ifPresentOrElse(html::raw, () -> html.text(code));
        html.tag("/code");
        html.tag("/pre");
        html.line();
    }

    /** The info string's first word, as CommonMark takes it for the {@code language-} class. */
    private static String language(FencedCodeBlock block) {
        var info = block.getInfo();
        if (info == null) {
            return "";
        }
        int space = info.indexOf(' ');
        return space == -1 ? info : info.substring(0, space);
    }
}
