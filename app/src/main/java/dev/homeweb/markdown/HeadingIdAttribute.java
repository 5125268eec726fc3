package dev.homeweb.markdown;

import java.util.Map;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/** Puts a heading's permalink id on the heading element itself. */
final class HeadingIdAttribute implements AttributeProvider {

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof Heading heading) {
            var permalink = HeadingPermalink.of(heading);
            if (permalink != null) {
                attributes.put("id", permalink.id());
            }
        }
    }
}
