package dev.homeweb.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The h2 and h3 sections of a parsed document, as a {@code <nav>} of nested links to their
 * permalinks. Needs a document parsed with {@link HeadingPermalinkExtension}.
 */
public final class TableOfContents {
    private final List<Entry> entries;

    /** One section: its heading level (2 or 3), permalink id and plain-text title. */
    record Entry(int level, String id, String title) {
        Entry {
            if (level < 2 || level > 3) {
                throw new IllegalArgumentException("level must be 2 or 3: " + level);
            }
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    private TableOfContents(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The top-level h2 and h3 headings of the document; those in quotes or lists are not sections.
     */
    public static TableOfContents of(Node document) {
        var entries = new ArrayList<Entry>();
        for (var node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading
                    && heading.getLevel() >= 2
                    && heading.getLevel() <= 3) {
                var permalink = HeadingPermalink.of(heading);
                if (permalink != null) {
                    entries.add(new Entry(heading.getLevel(), permalink.id(), permalink.title()));
                }
            }
        }
        return new TableOfContents(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * {@code <nav class="toc" aria-label="Table of contents">} with an ordered list of h2 sections,
     * each with its h3 subsections; an h3 before any h2 is listed at the top level. Empty when the
     * document has no such heading.
     */
    public String toHtml() {
        if (entries.isEmpty()) {
            return "";
        }
        var out = new StringBuilder();
        var html = new HtmlWriter(out);
        var nav = new LinkedHashMap<String, String>();
        nav.put("class", "toc");
        nav.put("aria-label", "Table of contents");
        html.tag("nav", nav);
        html.line();
        html.tag("ol");
        html.line();
        int openLevel = 0;
        boolean subsectionsOpen = false;
        for (var entry : entries) {
            if (entry.level() == 3 && openLevel == 2) {
                if (!subsectionsOpen) {
                    html.line();
                    html.tag("ol");
                    html.line();
                    subsectionsOpen = true;
                }
                link(html, entry);
                html.tag("/li");
                html.line();
                continue;
            }
            if (subsectionsOpen) {
                html.tag("/ol");
                html.line();
                subsectionsOpen = false;
            }
            if (openLevel != 0) {
                html.tag("/li");
                html.line();
            }
            link(html, entry);
            openLevel = entry.level();
        }
        if (subsectionsOpen) {
            html.tag("/ol");
            html.line();
        }
        html.tag("/li");
        html.line();
        html.tag("/ol");
        html.line();
        html.tag("/nav");
        html.line();
        return out.toString();
    }

    private static void link(HtmlWriter html, Entry entry) {
        html.tag("li");
        html.tag("a", Map.of("href", "#" + entry.id()));
        html.text(entry.title());
        html.tag("/a");
    }
}
