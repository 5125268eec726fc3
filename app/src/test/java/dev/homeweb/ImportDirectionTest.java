package dev.homeweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports run one way: a package imports only packages of a lower layer, never one beside it or
 * above it. Read from the sources, so a new tie fails here before anyone has to untangle it.
 */
class ImportDirectionTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/homeweb");

    /** Lowest first; the root package ({@code App}, {@code Main}) is "". */
    private static final List<Set<String>> LAYERS =
            List.of(
                    Set.of("internal"),
                    Set.of("config", "markdown", "routes"),
                    Set.of("db", "tls"),
                    Set.of("content", "posts", "files"),
                    Set.of("feeds"),
                    Set.of("site", "health"),
                    Set.of("web"),
                    Set.of("cli"),
                    Set.of(""));

    private static final Pattern IMPORT =
            Pattern.compile(
                    "^import (?:static )?dev\\.homeweb\\.(?:([a-z][a-z0-9]*)\\.(?:[a-z][a-z0-9]*\\.)*)?[A-Z].*;$");

    @Test
    void everyPackageImportsOnlyFromLowerLayers() throws IOException {
        var wrong = new ArrayList<String>();
        for (var file : sources()) {
            var from = packageOf(file);
            for (var line : Files.readAllLines(file)) {
                var matcher = IMPORT.matcher(line.strip());
                if (!matcher.matches()) {
                    continue;
                }
                var to = matcher.group(1) == null ? "" : matcher.group(1);
                if (!to.equals(from) && layer(to) >= layer(from)) {
                    wrong.add(SOURCES.relativize(file) + ": " + line.strip());
                }
            }
        }
        assertThat(wrong).as("imports from a package beside or above").isEmpty();
    }

    @Test
    void everyPackageHasItsLayer() throws IOException {
        var packages = new TreeSet<String>();
        for (var file : sources()) {
            packages.add(packageOf(file));
        }
        var layered = new TreeSet<String>();
        LAYERS.forEach(layered::addAll);

        assertThat(packages).isEqualTo(layered);
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        var undescribed = new TreeSet<String>();
        for (var file : sources()) {
            if (!Files.exists(file.resolveSibling("package-info.java"))) {
                undescribed.add(SOURCES.relativize(file.getParent()).toString());
            }
        }
        assertThat(undescribed).as("packages without a package-info.java").isEmpty();
    }

    @Test
    void readsImportsOfEveryShape() {
        assertThat(IMPORT.matcher("import dev.homeweb.db.Database;").matches()).isTrue();
        assertThat(IMPORT.matcher("import static dev.homeweb.db.schema.Tables.POSTS;").matches())
                .isTrue();
        assertThat(IMPORT.matcher("import dev.homeweb.App;").matches()).isTrue();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        var relative = SOURCES.relativize(file.getParent());
        return relative.toString().isEmpty() ? "" : relative.getName(0).toString();
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new AssertionError("package '" + pkg + "' has no layer in ImportDirectionTest");
    }
}
