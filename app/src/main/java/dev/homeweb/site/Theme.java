package dev.homeweb.site;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.SpecMustacheFactory;
import com.github.mustachejava.SpecMustacheVisitor;
import com.github.mustachejava.TemplateContext;
import dev.homeweb.config.ConfigException;
import dev.homeweb.internal.Escaping;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
    private static final String SHIPPED = "theme/";
    private static final java.util.regex.Pattern FIRST_LINE_PARTIAL =
            java.util.regex.Pattern.compile("\\s*\\{\\{>[^}]*}}\\s*");

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
        var factory = new Factory(overrides);
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
        var models = ThemeModel.pages();
        var problems =
                pages.entrySet().stream()
                        .flatMap(
                                p ->
                                        factory
                                                .check
                                                .problems(p.getValue(), models.get(p.getKey()))
                                                .stream())
                        .distinct()
                        .toList();
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

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] shippedBytes(String name) {
        return StaticAssets.resource(SHIPPED + name);
    }

    /** Mustache reading the theme folder first, escaping with the site's one escaper. */
    private static final class Factory extends SpecMustacheFactory {
        private final Map<String, Path> overrides;
        final ThemeCheck check = new ThemeCheck(this::whereTag);

        Factory(Map<String, Path> overrides) {
            this.overrides = overrides;
        }

        /** Notes each tag's place and use as it is compiled, for the {@link ThemeCheck}. */
        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new SpecMustacheVisitor(this) {
                @Override
                public void value(TemplateContext tc, String variable, boolean encoded) {
                    noting(ThemeCheck.Use.VALUE, tc, () -> super.value(tc, variable, encoded));
                }

                @Override
                public void iterable(TemplateContext tc, String variable, Mustache body) {
                    noting(ThemeCheck.Use.SECTION, tc, () -> super.iterable(tc, variable, body));
                }

                @Override
                public void notIterable(TemplateContext tc, String variable, Mustache body) {
                    noting(
                            ThemeCheck.Use.INVERTED,
                            tc,
                            () -> super.notIterable(tc, variable, body));
                }

                @Override
                public void partial(TemplateContext tc, String variable, String indent) {
                    noting(ThemeCheck.Use.PARTIAL, tc, () -> super.partial(tc, variable, indent));
                }

                /** Adds the tag's code as the visitor does, then notes the code just added. */
                private void noting(ThemeCheck.Use use, TemplateContext tc, Runnable add) {
                    add.run();
                    check.noted(list.get(list.size() - 1), use, tc);
                }
            };
        }

        @Override
        public Reader getReader(String name) {
            var override = overrides.get(name);
            if (override != null) {
                try {
                    return new StringReader(
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .decode(java.nio.ByteBuffer.wrap(read(override)))
                                    .toString());
                } catch (CharacterCodingException e) {
                    throw new ConfigException(override + ": is not UTF-8 text");
                }
            }
            var in = Theme.class.getClassLoader().getResourceAsStream(SHIPPED + name);
            if (in == null) {
                throw new MustacheNotFoundException(name);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(Escaping.escapeHtml(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Compiles {@code name}, turning Mustache's errors into ones that name file and line. */
        Mustache compileChecked(String name) {
            try {
                return compile(name);
            } catch (MustacheNotFoundException e) {
                var including = overrides.get(name);
                throw new ConfigException(
                        (including != null ? including.toString() : "shipped theme " + name)
                                + " (or a partial it includes) includes "
                                + e.getName()
                                + ", which is neither in the theme folder nor shipped (partials: "
                                + String.join(", ", PARTIALS)
                                + ")");
            } catch (MustacheException e) {
                throw new ConfigException(describe(e));
            }
        }

        private String describe(MustacheException e) {
            var context = e.getContext();
            var message = e.getMessage();
            if (context == null) {
                return "theme: " + message;
            }
            // Mustache appends "@[file:line]" to its messages; the file and line lead here.
            var at = message.indexOf(" @[");
            var text = at >= 0 ? message.substring(0, at) : message;
            return where(context.file(), context.line()) + ": " + text;
        }

        /** "FILE:LINE" for a message: the override's path, or the shipped template's name. */
        String where(String name, int reportedLine) {
            return label(name) + ":" + line(name, reportedLine);
        }

        private String label(String name) {
            var override = overrides.get(name);
            return override != null ? override.toString() : "shipped theme " + name;
        }

        /**
         * "FILE:LINE" of the tag naming {@code variable}: Mustache leaves out lines that hold only
         * a standalone tag, so its line may be short but never past the tag; the first line from
         * there that has the tag is the one.
         */
        String whereTag(String name, int reportedLine, String variable) {
            var tag =
                    java.util.regex.Pattern.compile(
                            "\\{\\{\\{?[#^&]?\\s*"
                                    + java.util.regex.Pattern.quote(variable)
                                    + "\\s*}}");
            try (var reader = new java.io.BufferedReader(getReader(name))) {
                var lines = reader.lines().toList();
                for (int i = Math.max(0, reportedLine - 1); i < lines.size(); i++) {
                    if (tag.matcher(lines.get(i)).find()) {
                        return label(name) + ":" + (i + 1);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The reported line, then.
            }
            return where(name, reportedLine);
        }

        /**
         * Mustache's line, corrected: it does not count the first line when that line is only a
         * partial tag (as {@code {{> head}}} opens every page template), so its lines are one
         * short.
         */
        private int line(String name, int reported) {
            try (var reader = new java.io.BufferedReader(getReader(name))) {
                var first = reader.readLine();
                return first != null && FIRST_LINE_PARTIAL.matcher(first).matches()
                        ? reported + 1
                        : reported;
            } catch (IOException | RuntimeException e) {
                return reported;
            }
        }
    }
}
