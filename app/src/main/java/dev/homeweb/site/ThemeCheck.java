package dev.homeweb.site;

import com.github.mustachejava.Code;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.TemplateContext;
import dev.homeweb.internal.EditDistance;
import dev.homeweb.site.ThemeModel.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the names a template asks for that its page is never given: Mustache renders those as
 * nothing, so {@code {{post.titel}}} would empty the title without a word. Each tag is resolved as
 * Mustache does, in the sections around it, innermost first, and through the partials it includes.
 */
final class ThemeCheck {
    /** How a tag uses its name. */
    enum Use {
        VALUE,
        SECTION,
        INVERTED,
        PARTIAL
    }

    /** Where a tag is and how it uses its name, noted while the template is compiled. */
    record Tag(Use use, TemplateContext context) {}

    /** Partials nested deeper than this are not followed (a partial including itself). */
    private static final int DEEPEST = 16;

    private final Map<Code, Tag> tags = new IdentityHashMap<>();
    private final Where where;

    /** Names the file and line of a tag for a message, from Mustache's file and line. */
    interface Where {
        String of(String file, int line, String name);
    }

    ThemeCheck(Where where) {
        this.where = where;
    }

    void noted(Code code, Use use, TemplateContext context) {
        tags.put(code, new Tag(use, context));
    }

    /** One line per unknown name, naming file, line, the name and the closest known one. */
    List<String> problems(Mustache page, Shape model) {
        var problems = new ArrayList<String>();
        var scopes = new ArrayDeque<Shape>();
        scopes.push(model);
        walk(page.getCodes(), scopes, problems, 0);
        return problems.stream().distinct().toList();
    }

    private void walk(Code[] codes, Deque<Shape> scopes, List<String> problems, int depth) {
        if (codes == null || depth > DEEPEST) {
            return;
        }
        for (var code : codes) {
            var tag = tags.get(code);
            if (tag == null || tag.use() == Use.PARTIAL) {
                walk(code.getCodes(), scopes, problems, depth + 1);
                continue;
            }
            var name = code.getName();
            var found = resolve(name, scopes);
            if (found.isEmpty()) {
                problems.add(problem(tag, name, scopes));
                continue;
            }
            if (tag.use() == Use.SECTION) {
                scopes.push(found.get());
                walk(code.getCodes(), scopes, problems, depth);
                scopes.pop();
            } else if (tag.use() == Use.INVERTED) {
                walk(code.getCodes(), scopes, problems, depth);
            }
        }
    }

    /** The shape {@code name} stands for, looked up as Mustache does; empty when it is unknown. */
    private static Optional<Shape> resolve(String name, Deque<Shape> scopes) {
        if (name.equals(".")) {
            return Optional.of(scopes.peek());
        }
        var parts = name.split("\\.", -1);
        for (var scope : scopes) {
            if (scope.open()) {
                return Optional.of(Shape.OPEN);
            }
            var first = scope.names().get(parts[0]);
            if (first != null) {
                var shape = first;
                for (int i = 1; i < parts.length && !shape.open(); i++) {
                    shape = shape.names().get(parts[i]);
                    if (shape == null) {
                        return Optional.empty();
                    }
                }
                return Optional.of(shape);
            }
        }
        return Optional.empty();
    }

    private String problem(Tag tag, String name, Deque<Shape> scopes) {
        var known = new TreeSet<String>();
        for (var scope : scopes) {
            paths("", scope, known, 0);
        }
        var context = tag.context();
        return where.of(context.file(), context.line(), name)
                + ": unknown name '"
                + name
                + "': this page is not given it, so it would render as nothing"
                + EditDistance.closest(name, known)
                        .map(guess -> "; did you mean " + guess + "?")
                        .orElse("; names here: " + String.join(", ", topLevel(scopes)));
    }

    private static void paths(String prefix, Shape shape, TreeSet<String> into, int depth) {
        if (depth > 4) {
            return;
        }
        shape.names()
                .forEach(
                        (name, inner) -> {
                            into.add(prefix + name);
                            paths(prefix + name + ".", inner, into, depth + 1);
                        });
    }

    private static TreeSet<String> topLevel(Deque<Shape> scopes) {
        var names = new TreeSet<String>();
        scopes.forEach(scope -> names.addAll(scope.names().keySet()));
        return names;
    }
}
