package dev.homeweb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The stylesheet, served under a name that contains its hash so browsers may cache it forever. */
public final class StaticAssets {
    private final String stylesheetPath;
    private final Map<String, Page> files;

    public StaticAssets() {
        var css = load("static/site.css");
        var page = Page.of(css, "text/css; charset=utf-8", Instant.EPOCH);
        stylesheetPath = "/static/site." + Page.hash(css).substring(0, 12) + ".css";
        files = Map.of(stylesheetPath, page);
    }

    public String stylesheetPath() {
        return stylesheetPath;
    }

    public Optional<Page> find(String path) {
        return Optional.ofNullable(files.get(path));
    }

    private static byte[] load(String resource) {
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
