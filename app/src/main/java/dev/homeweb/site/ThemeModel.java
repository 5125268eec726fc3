package dev.homeweb.site;

import dev.homeweb.config.SiteSettings;
import dev.homeweb.config.SiteYaml;
import dev.homeweb.posts.Post;
import dev.homeweb.posts.SearchHit;
import dev.homeweb.posts.Tag;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names each page template is given, learnt from the renderer itself: it renders one of each
 * kind of page, every optional part present, and what it hands the template is recorded. So the
 * names are the model's, and a value the renderer starts to give is known at once; no list of names
 * is kept by hand.
 */
final class ThemeModel {
    private static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");

    private ThemeModel() {}

    /** Each page kind's names, merged over every variant of that page. */
    static Map<String, Shape> pages() {
        var recorded = new HashMap<String, Shape>();
        var renderer =
                new PageRenderer(
                        site(),
                        (page, values) -> {
                            recorded.merge(page, Shape.of(values), Shape::merge);
                            return "";
                        },
                        true);
        var post =
                new Post(
                                "sample",
                                "Sample",
                                Optional.of("A summary."),
                                PUBLISHED,
                                Optional.of(PUBLISHED.plusSeconds(86_400)),
                                List.of(new Tag("sample", "Sample")),
                                "<p>Text.</p>",
                                2,
                                List.of())
                        .withImage(Optional.of("/files/sample.png"));
        var head =
                Head.of(post.title(), "/blog/sample")
                        .withDescription(post.summary())
                        .withArticle(post)
                        .withPagination(Optional.of("/page/1"), Optional.of("/page/3"))
                        .withFeeds(List.of(new Head.FeedLink("Feed", "/feed.xml", "text/xml")));
        renderer.list("Posts", "", List.of(post), 2, 3, head);
        renderer.post(post, List.of(post), head);
        renderer.search("", List.of(), false);
        renderer.search("sample", List.of(), false);
        renderer.search(
                "sample", List.of(new SearchHit("sample", "Sample", PUBLISHED, "text", 1f)), true);
        renderer.searchUnavailable("sample");
        renderer.notFound();
        return Map.copyOf(recorded);
    }

    private static SiteSettings site() {
        return new SiteSettings(
                "Sample",
                "https://example.org",
                Optional.of("writer@example.org"),
                "/static/site.css",
                "/static/favicon.svg",
                Optional.of("A description."),
                "A writer",
                "en",
                List.of(new SiteYaml.NavLink("About", "/blog/about")),
                "A footer.");
    }

    /**
     * What a value offers a template: the names below it ({@link #names}), nothing ({@link #LEAF}:
     * a text, a number, a flag), or anything ({@link #open}: no sample had a value to learn from).
     */
    record Shape(Map<String, Shape> names, boolean open) {
        static final Shape LEAF = new Shape(Map.of(), false);
        static final Shape OPEN = new Shape(Map.of(), true);

        Shape {
            names = Map.copyOf(names);
        }

        /**
         * The shape of a value as the renderer hands it over: maps, lists of maps, plain values.
         */
        static Shape of(Object value) {
            if (value instanceof Map<?, ?> map) {
                var names = new LinkedHashMap<String, Shape>();
                if (map instanceof Scope.Values values) {
                    values.names().forEach(name -> names.put(name, OPEN));
                }
                map.forEach((name, inner) -> names.put((String) name, of(inner)));
                return new Shape(names, false);
            }
            if (value instanceof List<?> list) {
                return list.stream().map(Shape::of).reduce(Shape::merge).orElse(OPEN);
            }
            return value == null ? OPEN : LEAF;
        }

        /** Every name either has; open only if both are, since one of them was seen. */
        Shape merge(Shape other) {
            var merged = new LinkedHashMap<>(names);
            other.names.forEach((name, shape) -> merged.merge(name, shape, Shape::merge));
            return new Shape(merged, open && other.open);
        }
    }
}
