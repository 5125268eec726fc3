package dev.homeweb.browser;

import dev.homeweb.App;
import dev.homeweb.config.AppConfig;
import dev.homeweb.content.ContentImporter;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.Http;
import dev.homeweb.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A running server with a realistic site: the repository's sample posts plus {@link
 * GeneratedPosts}, enough for two index pages, shared tags, code blocks and tables.
 */
final class SampleSite implements AutoCloseable {
    static final String SHOWCASE_SLUG = GeneratedPosts.SHOWCASE_SLUG;
    static final String TITLE = "A home-web blog";

    private final App.Server server;
    private final List<String> slugs;

    private SampleSite(App.Server server, List<String> slugs) {
        this.server = server;
        this.slugs = slugs;
    }

    /**
     * Imports the sample and generated posts into {@code db} and starts a server on a free port.
     */
    static SampleSite start(TestDatabase db, Path dir) {
        db.migrate();
        var content = new ContentDir(dir.resolve("content"));
        var slugs = new ArrayList<String>();
        for (var sample : samplePosts()) {
            var name = sample.getFileName().toString();
            if (Files.isDirectory(sample)) {
                // A post folder: its text and its pictures.
                copyFolder(sample, content.root().resolve("posts").resolve(name));
                slugs.add(name);
            } else {
                content.post(name, read(sample));
                slugs.add(name.substring(0, name.length() - ".md".length()));
            }
        }
        slugs.addAll(GeneratedPosts.writeTo(content));
        new ContentImporter(db.dsl(), new ContentReader(), new MarkdownRenderer())
                .importFrom(content.root());
        var options =
                Map.of(
                        "database-url-file",
                        db.writeUrlFile(dir).toString(),
                        "port",
                        "0",
                        "discuss-email",
                        "author@example.org",
                        "site-title",
                        TITLE);
        var server =
                new App(
                                AppConfig.from(options, Map.of()),
                                new PrintWriter(new StringWriter()),
                                Clock.systemUTC(),
                                Optional.of("r-browser-test"))
                        .serve();
        return new SampleSite(server, List.copyOf(slugs));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    Http http() {
        return Http.onPort(server.port());
    }

    /** The slug of every published post. */
    List<String> slugs() {
        return slugs;
    }

    @Override
    public void close() {
        server.close();
    }

    private static List<Path> samplePosts() {
        var property = System.getProperty("homeweb.content");
        if (property == null) {
            throw new IllegalStateException(
                    "system property homeweb.content is not set: run the integration tests with"
                            + " mvn verify");
        }
        var dir = Path.of(property, "posts");
        try (Stream<Path> files = Files.list(dir)) {
            var posts =
                    files.filter(
                                    f ->
                                            f.toString().endsWith(".md")
                                                    || Files.isRegularFile(f.resolve("index.md")))
                            .sorted()
                            .toList();
            if (posts.isEmpty()) {
                throw new IllegalStateException("no sample posts in " + dir);
            }
            return posts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sample posts in " + dir, e);
        }
    }

    /** Copies every file below {@code from} to the same place below {@code to}. */
    static void copyFolder(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
