package dev.homeweb.site;

import com.github.mustachejava.Mustache;
import dev.homeweb.config.ConfigException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The page templates (Mustache) and the static files, the shipped ones each replaced by a file of
 * the same name in the {@code theme/} folder beside {@code content/}: Hugo's lookup order, one file
 * at a time, so a look survives upgrades. Every template is compiled when the theme is loaded, so a
 * broken override fails at once with its file and line, before anything is imported or served.
 * Values are HTML-escaped unless a template asks for raw HTML with triple braces.
 */
public final class Theme {
    /** The page kinds; each names its own template, {@code NAME.mustache}. */
    static final List<String> PAGES = List.of("list", "post", "search", "not-found");

    /** What the page templates include, overridable like them. */
    static final List<String> PARTIALS = List.of("head", "header", "footer", "post-list");

    /** The static files a theme may replace. */
    static final List<String> FILES = List.of("site.css", "highlight.css", "favicon.svg");

    private static final String EXTENSION = ".mustache";

    /** Where the shipped templates and files lie on the class path. */
    static final String SHIPPED = "theme/";

    private final Map<String, Mustache> pages;
    private final Map<String, byte[]> files;

    private Theme(Map<String, Mustache> pages, Map<String, byte[]> files) {
        this.pages = pages;
        this.files = files;
    }

    /** The theme folder for a content folder: {@code theme/} beside it. */
    public static Path folderFor(Path contentDir) {
        var absolute = contentDir.toAbsolutePath().normalize();
        return absolute.getParent() == null
                ? absolute.resolve("theme")
                : contentDir.resolveSibling("theme");
    }

    /** The shipped look alone. */
    public static Theme shipped() {
        return load(Optional.empty());
    }

    /**
     * The shipped look with the overrides in {@code folder} (which need not exist).
     *
     * @throws ConfigException naming the file and line of a template that does not compile, or a
     *     file the theme does not know
     */
    public static Theme load(Path folder) {
        return load(Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty());
    }

    private static Theme load(Optional<Path> folder) {
        var overrides = folder.map(Theme::overrides).orElse(Map.of());
        var factory = new ThemeCompiler(overrides);
        var pages = new LinkedHashMap<String, Mustache>();
        // Every override compiles, also one no page includes yet: an error shows now, not later.
        var names = new TreeSet<String>(PAGES);
        overrides.keySet().stream()
                .filter(n -> n.endsWith(EXTENSION))
                .map(n -> n.substring(0, n.length() - EXTENSION.length()))
                .forEach(names::add);
        for (var name : names) {
            var compiled = factory.compileChecked(name + EXTENSION);
            if (PAGES.contains(name)) {
                pages.put(name, compiled);
            }
        }
        var problems = overrides.isEmpty() ? List.<String>of() : problems(factory, pages);
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
        var files = new LinkedHashMap<String, byte[]>();
        for (var name : FILES) {
            var override = overrides.get(name);
            files.put(name, override != null ? read(override) : shippedBytes(name));
        }
        return new Theme(Map.copyOf(pages), Map.copyOf(files));
    }

    /**
     * The names the pages use that their models do not have. Checking renders a model of every page
     * kind (0.1-0.4 s of every start), so the shipped templates, which no user changes, are checked
     * by a test instead ({@code ThemeTest}), and a start checks only a theme with overrides.
     */
    static List<String> problems(ThemeCompiler factory, Map<String, Mustache> pages) {
        var models = ThemeModel.pages();
        return pages.entrySet().stream()
                .flatMap(p -> factory.check.problems(p.getValue(), models.get(p.getKey())).stream())
                .distinct()
                .toList();
    }

    /** Renders page kind {@code page} (one of {@link #PAGES}) with {@code scope}'s values. */
    String render(String page, Map<String, Object> scope) {
        var template = pages.get(page);
        if (template == null) {
            throw new IllegalArgumentException("no page template " + page + "; known: " + PAGES);
        }
        var out = new StringWriter(8192);
        template.execute(out, scope);
        return out.toString();
    }

    /** The bytes of static file {@code name} (one of {@link #FILES}). */
    byte[] file(String name) {
        var bytes = files.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("no theme file " + name + "; known: " + FILES);
        }
        return bytes;
    }

    /** The folder's files by name; a file that replaces nothing shipped is an error. */
    private static Map<String, Path> overrides(Path folder) {
        var found = new LinkedHashMap<String, Path>();
        try (Stream<Path> list = Files.list(folder)) {
            for (var path : list.sorted().toList()) {
                var name = path.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (!Files.isRegularFile(path)
                        || !(name.endsWith(EXTENSION) || FILES.contains(name))) {
                    throw new ConfigException(
                            path
                                    + ": a theme holds templates (NAME"
                                    + EXTENSION
                                    + ": "
                                    + String.join(", ", PAGES)
                                    + ", "
                                    + String.join(", ", PARTIALS)
                                    + " or partials of your own) and "
                                    + String.join(", ", FILES)
                                    + ", side by side");
                }
                found.put(name, path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
        return found;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] shippedBytes(String name) {
        return StaticAssets.resource(SHIPPED + name);
    }
}
