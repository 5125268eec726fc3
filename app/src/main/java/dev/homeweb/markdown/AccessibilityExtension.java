package dev.homeweb.markdown;

import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Names what the footnotes and task-list extensions leave unnamed: a task's checkbox gets a label
 * (an unlabelled form control fails axe), its list item a {@code task-list-item} class so CSS can
 * drop the bullet, and the footnotes section a label that makes it a findable region.
 */
public final class AccessibilityExtension implements HtmlRenderer.HtmlRendererExtension {

    private AccessibilityExtension() {}

    public static Extension create() {
        return new AccessibilityExtension();
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.attributeProviderFactory(context -> new Labels());
    }

    private static final class Labels implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof TaskListItemMarker && tagName.equals("input")) {
                attributes.put("aria-label", "Done");
            } else if (node instanceof ListItem
                    && node.getFirstChild() instanceof TaskListItemMarker
                    && tagName.equals("li")) {
                attributes.put("class", "task-list-item");
            } else if (node instanceof FootnoteDefinition && tagName.equals("section")) {
                attributes.put("aria-label", "Footnotes");
            }
        }
    }
}
