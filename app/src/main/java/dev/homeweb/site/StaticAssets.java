package dev.homeweb.site;

import dev.homeweb.internal.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The stylesheet and icon of the theme, served under names that contain their hash so browsers may
 * cache them forever.
 */
public final class StaticAssets {
    private final String stylesheetPath;
    private final String faviconPath;
    private final Map<String, Page> files;

    public StaticAssets(Theme theme) {
        // One stylesheet, one request: the layout, then the code highlighting palettes.
        var css = concat(theme.file("site.css"), theme.file("highlight.css"));
        var icon = theme.file("favicon.svg");
        stylesheetPath = "/static/site." + Sha256.hex(css).substring(0, 12) + ".css";
        faviconPath = "/static/favicon." + Sha256.hex(icon).substring(0, 12) + ".svg";
        var iconPage = Page.of(icon, "image/svg+xml", Instant.EPOCH);
        files =
                Map.of(
                        stylesheetPath,
                        Page.of(css, "text/css; charset=utf-8", Instant.EPOCH),
                        faviconPath,
                        iconPage,
                        // Browsers ask for this path whatever the page says.
                        "/favicon.ico",
                        iconPage);
    }

    public String stylesheetPath() {
        return stylesheetPath;
    }

    public String faviconPath() {
        return faviconPath;
    }

    public Optional<Page> find(String path) {
        return Optional.ofNullable(files.get(path));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        var result = java.util.Arrays.copyOf(first, first.length + 1 + second.length);
        result[first.length] = '\n';
        System.arraycopy(second, 0, result, first.length + 1, second.length);
        return result;
    }

    /** A file the jar ships, such as {@code static/live-reload.js}. */
    public static byte[] resource(String resource) {
        try (var in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
