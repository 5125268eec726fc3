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
    private volatile Files current;

    private record Files(String stylesheetPath, String faviconPath, Map<String, Page> byPath) {}

    public StaticAssets(Theme theme) {
        current = files(theme);
    }

    /**
     * Serves {@code theme}'s files from now on (the local preview's theme changed); the earlier
     * ones stay too, for a page rendered before that still asks for them.
     */
    public void restyle(Theme theme) {
        var next = files(theme);
        var both = new java.util.HashMap<>(current.byPath());
        both.putAll(next.byPath());
        current = new Files(next.stylesheetPath(), next.faviconPath(), Map.copyOf(both));
    }

    private static Files files(Theme theme) {
        // One stylesheet, one request: the layout, then the code highlighting palettes.
        var css = concat(theme.file("site.css"), theme.file("highlight.css"));
        var icon = theme.file("favicon.svg");
        var stylesheetPath = "/static/site." + Sha256.hex(css).substring(0, 12) + ".css";
        var faviconPath = "/static/favicon." + Sha256.hex(icon).substring(0, 12) + ".svg";
        var iconPage = Page.of(icon, "image/svg+xml", Instant.EPOCH);
        return new Files(
                stylesheetPath,
                faviconPath,
                Map.of(
                        stylesheetPath,
                        Page.of(css, "text/css; charset=utf-8", Instant.EPOCH),
                        faviconPath,
                        iconPage,
                        // Browsers ask for this path whatever the page says.
                        "/favicon.ico",
                        iconPage));
    }

    public String stylesheetPath() {
        return current.stylesheetPath();
    }

    public String faviconPath() {
        return current.faviconPath();
    }

    public Optional<Page> find(String path) {
        return Optional.ofNullable(current.byPath().get(path));
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
