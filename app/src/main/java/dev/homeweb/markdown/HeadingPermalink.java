package dev.homeweb.markdown;

import java.util.Objects;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.jspecify.annotations.Nullable;

/** The last child of every heading once parsed: its id, its plain-text title and its permalink. */
final class HeadingPermalink extends CustomNode {
    private final String id;
    private final String title;

    HeadingPermalink(String id, String title) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    /** The permalink that {@link HeadingIds} gave this heading, if it ran. */
    static @Nullable HeadingPermalink of(Heading heading) {
        Node last = heading.getLastChild();
        return last instanceof HeadingPermalink permalink ? permalink : null;
    }
}
