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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mustache reading the theme folder first, escaping with the site's one escaper, and reporting a
 * template that does not compile by its file and line. Apart from {@link Theme} because turning
 * Mustache's errors and line numbers into the user's file and line is a job of its own.
 */
final class ThemeCompiler extends SpecMustacheFactory {
    private static final Pattern FIRST_LINE_PARTIAL = Pattern.compile("\\s*\\{\\{>[^}]*}}\\s*");
    private final Map<String, Path> overrides;
    final ThemeCheck check = new ThemeCheck(this::whereTag);

    ThemeCompiler(Map<String, Path> overrides) {
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
                noting(ThemeCheck.Use.INVERTED, tc, () -> super.notIterable(tc, variable, body));
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
                                .decode(ByteBuffer.wrap(Theme.read(override)))
                                .toString());
            } catch (CharacterCodingException e) {
                throw new ConfigException(override + ": is not UTF-8 text");
            }
        }
        var in = Theme.class.getClassLoader().getResourceAsStream(Theme.SHIPPED + name);
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
                            + String.join(", ", Theme.PARTIALS)
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
     * "FILE:LINE" of the tag naming {@code variable}: Mustache leaves out lines that hold only a
     * standalone tag, so its line may be short but never past the tag; the first line from there
     * that has the tag is the one.
     */
    String whereTag(String name, int reportedLine, String variable) {
        var tag = Pattern.compile("\\{\\{\\{?[#^&]?\\s*" + Pattern.quote(variable) + "\\s*}}");
        try (var reader = new BufferedReader(getReader(name))) {
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
     * Mustache's line, corrected: it does not count the first line when that line is only a partial
     * tag (as {@code {{> head}}} opens every page template), so its lines are one short.
     */
    private int line(String name, int reported) {
        try (var reader = new BufferedReader(getReader(name))) {
            var first = reader.readLine();
            return first != null && FIRST_LINE_PARTIAL.matcher(first).matches()
                    ? reported + 1
                    : reported;
        } catch (IOException | RuntimeException e) {
            return reported;
        }
    }
}
