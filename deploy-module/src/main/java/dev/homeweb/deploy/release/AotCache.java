package dev.homeweb.deploy.release;

import dev.homeweb.deploy.units.UnitFileRenderer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The ahead-of-time cache a release carries for its runtime when that is Java 25 or later (JEP 483,
 * 514, 515): the classes the server loads and links at start, and its methods' profiles, so that
 * every start maps them instead of doing that work again. Readers wait for that start during a code
 * deploy; it takes 35-40 % off it.
 *
 * <p>The cache is made by a training run of the server jar ({@code home-web train}, which needs no
 * database) on the very runtime the release carries, and it is only valid for that runtime and that
 * jar: the JVM checks the jar's size and modification time. A node keeps release files with the
 * time 0 (its store unpacks them from a tar stream that carries no times), so the training runs a
 * copy of the jar with that time. Training takes ~10 s, so caches are kept under a key made of the
 * jar's hash, the runtime and the JVM options.
 *
 * <p>The one-shot units (migrate, import) get a cache of their own, {@link #IMPORT_FILE}, written
 * by the training's import (Flyway, jOOQ, SnakeYAML, CommonMark): in the server's cache they made
 * it twice the size and its start slower, and without them an import loads 1,700 classes more.
 */
public final class AotCache {
    /** The cache's name in a release, beside {@code home-web.jar}. */
    public static final String FILE = "home-web.aot";

    /** The one-shot units' cache in a release, beside {@link #FILE}. */
    public static final String IMPORT_FILE = "home-web-import.aot";

    /** A trained pair: the server's cache, and the one-shot units' when the training made one. */
    public record Trained(Path server, Optional<Path> imports) {
        public Trained {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(imports, "imports");
        }
    }

    /** The first Java whose {@code -XX:AOTCacheOutput} trains and writes a cache in one run. */
    static final int FIRST_VERSION = 25;

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private final Path cacheDir;
    private final FileHashes hashes;

    public AotCache(Path cacheDir) {
        this(cacheDir, FileHashes.none());
    }

    /** Caches in {@code cacheDir}, keyed by the jar's hash as {@code hashes} knows it. */
    public AotCache(Path cacheDir, FileHashes hashes) {
        this.cacheDir = cacheDir;
        this.hashes = hashes;
    }

    /** Whether the runtime image at {@code runtime} can use a cache: Java 25 or later. */
    public static boolean supports(Path runtime) {
        try {
            var matcher = VERSION.matcher(Files.readString(runtime.resolve("release")));
            return matcher.find() && Integer.parseInt(matcher.group(1)) >= FIRST_VERSION;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The caches for {@code jar} on {@code runtime} with the server's {@code jvmOptions}, trained
     * first if there are none yet; empty when the runtime is older than Java 25.
     *
     * @throws IOException when the training run fails, with what it printed
     */
    public Optional<Trained> cache(Path runtime, Path jar, List<String> jvmOptions)
            throws IOException {
        if (!supports(runtime)) {
            return Optional.empty();
        }
        var key = key(runtime, hashes.sum(jar).sha256(), jvmOptions);
        var target = cacheDir.resolve("aot-" + key + ".aot");
        if (Files.isRegularFile(target)) {
            // Recently used, for prune(): the cache's own time, not the jar's, is checked. At most
            // once a day, so FileHashes knows the file unchanged and a deploy need not read it.
            var now = java.time.Instant.now();
            if (Files.getLastModifiedTime(target).toInstant().isBefore(now.minus(TOUCHED))) {
                Files.setLastModifiedTime(target, FileTime.from(now));
            }
            return Optional.of(trained(target));
        }
        Files.createDirectories(cacheDir);
        var work = Files.createTempDirectory(cacheDir, ".aot-");
        try {
            var copy = work.resolve("home-web.jar");
            Files.copy(jar, copy);
            Files.setLastModifiedTime(copy, FileTime.fromMillis(0));
            var output = work.resolve(FILE);
            var importOutput = work.resolve(IMPORT_FILE);
            train(runtime, copy, jvmOptions, output, importOutput);
            // Links, not renames: they never replace a cache a concurrent run put there first,
            // whose bytes that run's release may already be hashed from. The server's comes last:
            // its presence says the pair is complete.
            if (Files.isRegularFile(importOutput)) {
                linkOnce(importsOf(target), importOutput);
            }
            linkOnce(target, output);
            prune(target);
            return Optional.of(trained(target));
        } finally {
            RuntimeImage.deleteTree(work);
        }
    }

    private static Trained trained(Path server) {
        var imports = importsOf(server);
        return new Trained(
                server, Files.isRegularFile(imports) ? Optional.of(imports) : Optional.empty());
    }

    /** {@code aot-KEY-import.aot} beside {@code aot-KEY.aot}. */
    private static Path importsOf(Path server) {
        var name = server.getFileName().toString();
        return server.resolveSibling(name.substring(0, name.length() - 4) + "-import.aot");
    }

    private static void linkOnce(Path target, Path file) throws IOException {
        try {
            Files.createLink(target, file);
        } catch (FileAlreadyExistsException e) {
            // That run's cache serves this release too.
        }
    }

    /**
     * Each server jar gets a cache of ~45 MB: all but the newest {@link #KEEP} go, so a machine
     * that deploys every day does not fill up. A removed one is trained again if ever needed.
     */
    private void prune(Path kept) throws IOException {
        List<Path> caches;
        try (var files = Files.list(cacheDir)) {
            caches =
                    files.filter(p -> p.getFileName().toString().matches("aot-[0-9a-f]+\\.aot"))
                            .filter(p -> !p.equals(kept))
                            .sorted(Comparator.comparing(AotCache::modified).reversed())
                            .toList();
        }
        for (var old : caches.subList(Math.min(caches.size(), KEEP - 1), caches.size())) {
            Files.deleteIfExists(old);
            Files.deleteIfExists(importsOf(old));
        }
    }

    static final int KEEP = 4;

    /** How often a cache in use has its time renewed, for {@link #prune}. */
    static final java.time.Duration TOUCHED = java.time.Duration.ofDays(1);

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    static String key(Path runtime, String jarSha256, List<String> jvmOptions) {
        // "imports": caches trained before the one-shot units had theirs are trained again.
        var text =
                "imports\n"
                        + jarSha256
                        + "\n"
                        + runtime.toAbsolutePath().normalize()
                        + "\n"
                        + String.join(" ", jvmOptions);
        return Hashes.sha256(text).substring(0, 16);
    }

    private static void train(
            Path runtime, Path jar, List<String> jvmOptions, Path output, Path importOutput)
            throws IOException {
        var command = new ArrayList<String>();
        command.add(runtime.resolve("bin/java").toString());
        command.addAll(jvmOptions);
        command.add("-XX:AOTCacheOutput=" + output);
        // The training's import runs as the one-shot units do, and writes their cache.
        command.add("-Dhome-web.train.import-cache=" + importOutput);
        command.add(
                "-Dhome-web.train.import-java-options="
                        + String.join(" ", UnitFileRenderer.oneShotJavaOptions(jvmOptions)));
        // The cache is written by a second JVM at exit; its notes are not problems.
        command.add("-Xlog:aot=error,cds=error");
        command.addAll(List.of("-jar", jar.toString(), "train"));
        var log = output.resolveSibling("training.log");
        var builder =
                new ProcessBuilder(command)
                        .directory(jar.getParent().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The training run is a server of its own: nothing of the deployer's configuration.
        builder.environment().keySet().removeIf(AotCache::configuration);
        var process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("the AOT training run did not finish in 5 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the AOT training run", e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
            throw new IOException(
                    "the AOT training run failed (exit "
                            + process.exitValue()
                            + "): "
                            + tail(Files.readString(log, StandardCharsets.UTF_8)));
        }
    }

    private static boolean configuration(String variable) {
        return variable.startsWith("HOME_WEB_")
                || variable.equals("CREDENTIALS_DIRECTORY")
                || variable.equals("STATE_DIRECTORY")
                || variable.startsWith("JAVA_TOOL_OPTIONS")
                || variable.startsWith("JDK_JAVA_OPTIONS");
    }

    private static String tail(String log) {
        var lines = log.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
