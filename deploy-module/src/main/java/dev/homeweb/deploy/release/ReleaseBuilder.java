package dev.homeweb.deploy.release;

import dev.homeweb.deploy.config.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Collects a release from the server jar, the content folder, the theme folder beside it (when
 * there is one) and (unless the node brings its own Java) a runtime image: {@code home-web.jar},
 * {@code content/...}, {@code theme/...}, {@code runtime/...}. The server finds {@code theme/}
 * beside {@code content/}, so the two keep that layout in the release. A runtime of Java 25 or
 * later comes with its {@link AotCache}s when there are: {@code home-web.aot} and {@code
 * home-web-import.aot}.
 */
public final class ReleaseBuilder {
    private static final java.util.regex.Pattern HIDDEN =
            java.util.regex.Pattern.compile("(.*/)?\\.(?!well-known(/|$)).*");

    private final FileHashes hashes;

    /** A builder that reads and hashes every file. */
    public ReleaseBuilder() {
        this(FileHashes.none());
    }

    /** A builder that reads only the files {@code hashes} does not know unchanged. */
    public ReleaseBuilder(FileHashes hashes) {
        this.hashes = hashes;
    }

    /**
     * Builds the release; {@code runtime} is empty when the node uses its own Java. {@code nodeJar}
     * is the secrets agent the node runs as root ({@code lib/home-web-node.jar}); {@code aotCache}
     * the runtime's cache for this jar, if it has one.
     */
    public Release build(
            Path jar,
            Path content,
            Optional<Path> runtime,
            Optional<AotCache.Trained> aotCache,
            Path nodeJar) {
        if (!Files.isRegularFile(jar)) {
            throw new UserError("server jar " + jar + " does not exist; build it with mvn package");
        }
        if (!Files.isDirectory(content.resolve("posts"))) {
            throw new UserError("content folder " + content + " has no posts/ folder");
        }
        if (!Files.isRegularFile(nodeJar)) {
            throw new UserError(
                    "node agent jar "
                            + nodeJar
                            + " does not exist; build it with mvn -pl deploy-module -am package");
        }
        var files = new ArrayList<ReleaseFile>();
        files.add(file("home-web.jar", jar));
        files.add(file("lib/home-web-node.jar", nodeJar));
        files.addAll(tree("content", content));
        var theme = themeFolder(content);
        if (Files.isDirectory(theme)) {
            files.addAll(tree("theme", theme));
        }
        runtime.ifPresent(image -> files.addAll(tree("runtime", image)));
        if (runtime.isPresent()) {
            aotCache.ifPresent(
                    cache -> {
                        files.add(file(AotCache.FILE, cache.server()));
                        cache.imports().ifPresent(i -> files.add(file(AotCache.IMPORT_FILE, i)));
                    });
        }
        return Release.of(files);
    }

    /** Where the server looks for the theme of {@code content}: {@code theme/} beside it. */
    public static Path themeFolder(Path content) {
        var parent = content.toAbsolutePath().normalize().getParent();
        return parent == null ? content.resolve("theme") : parent.resolve("theme");
    }

    /**
     * The migration scripts the server jar carries ({@code db/migration/*.sql}), sorted, as the
     * lines of the release's {@code migrations.txt} ({@link Migration#line}).
     */
    public static List<String> migrations(Path jar) {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            var out = new ArrayList<String>();
            for (var entry : zip.stream().toList()) {
                var n = entry.getName();
                if (n.startsWith("db/migration/") && n.endsWith(".sql")) {
                    try (var in = zip.getInputStream(entry)) {
                        var sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        out.add(Migration.of(n.substring("db/migration/".length()), sql).line());
                    }
                }
            }
            out.sort(null);
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private List<ReleaseFile> tree(String prefix, Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(dir.relativize(p)))
                    .map(p -> file(prefix + "/" + dir.relativize(p), p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /**
     * Editor and system litter ({@code .post.md.swp}, {@code .DS_Store}) stays out; {@code
     * .well-known/}, where site-wide files such as {@code security.txt} live, goes in.
     */
    private static boolean hidden(Path relative) {
        return HIDDEN.matcher(relative.toString()).matches();
    }

    private ReleaseFile file(String path, Path source) {
        try {
            var sum = hashes.sum(source);
            return new ReleaseFile(
                    path, sum.sha256(), sum.size(), Files.isExecutable(source), source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
