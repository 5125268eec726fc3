package dev.homeweb.deploy.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A jlink'd Java runtime for the server, so a node needs nothing but systemd and sshd. Building one
 * takes ~20 s and gives the same files for the same JDK and modules, so it is cached under a key
 * made of both.
 */
public final class RuntimeImage {
    /**
     * What the server jar needs (from jdeps), plus what libraries reach reflectively: zonky's
     * embedded PostgreSQL asks {@code jdk.security.auth}'s UnixSystem whether it runs as root, and
     * without it runs initdb as root, which refuses (the AOT training run uses it as any user).
     */
    static final List<String> MODULES =
            List.of(
                    "java.base",
                    "java.compiler",
                    "java.desktop",
                    "java.instrument",
                    "java.logging",
                    "java.management",
                    "java.naming",
                    "java.net.http",
                    "java.rmi",
                    "java.security.jgss",
                    "java.sql",
                    "java.xml",
                    "jdk.crypto.ec",
                    "jdk.security.auth",
                    "jdk.unsupported",
                    "jdk.zipfs");

    private final Path javaHome;
    private final Path cacheDir;

    public RuntimeImage(Path javaHome, Path cacheDir) {
        this.javaHome = javaHome;
        this.cacheDir = cacheDir;
    }

    /** The cached image, built first if this JDK has none yet. */
    public Path image() {
        var target = cacheDir.resolve("runtime-" + key());
        if (Files.isRegularFile(target.resolve("release"))) {
            return target;
        }
        try {
            Files.createDirectories(cacheDir);
            var work = Files.createTempDirectory(cacheDir, ".jlink-");
            var output = work.resolve("image");
            jlink(output);
            dereferenceLinks(output);
            try {
                Files.move(work.resolve("image"), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isRegularFile(target.resolve("release"))) {
                    throw e;
                }
                // A concurrent run built the same image first.
            }
            deleteTree(work);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Java runtime in " + cacheDir, e);
        }
    }

    String key() {
        var text =
                javaHome.toAbsolutePath()
                        + "\n"
                        + jdkRelease()
                        + "\n"
                        + String.join(",", MODULES)
                        + "\n"
                        + String.join(" ", OPTIONS);
        return Hashes.sha256(text).substring(0, 12);
    }

    /** The JDK's {@code release} file: its version, so an updated JDK gets a new image. */
    private String jdkRelease() {
        try {
            return Files.readString(javaHome.resolve("release"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Runtime.version().toString();
        }
    }

    /**
     * How the image is made. The CDS archive of the JDK's own classes (a JDK has one, a jlink'd
     * image only when asked) takes 0.2-0.4 s of class loading off every start of the server, which
     * readers wait for during a restart.
     */
    static final List<String> OPTIONS =
            List.of(
                    "--strip-debug",
                    "--no-header-files",
                    "--no-man-pages",
                    "--compress=2",
                    "--generate-cds-archive");

    private void jlink(Path output) throws IOException {
        var command = new ArrayList<String>();
        command.add(javaHome.resolve("bin/jlink").toString());
        command.addAll(List.of("--add-modules", String.join(",", MODULES)));
        command.addAll(OPTIONS);
        command.addAll(List.of("--output", output.toString()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("jlink failed: " + log.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running jlink", e);
        }
    }

    /** jlink links shared legal notices; a release carries plain files only. */
    private static void dereferenceLinks(Path image) throws IOException {
        List<Path> links;
        try (Stream<Path> walk = Files.walk(image)) {
            links = walk.filter(Files::isSymbolicLink).toList();
        }
        for (var link : links) {
            var target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
            Files.delete(link);
            if (target.startsWith(image) && Files.isRegularFile(target)) {
                Files.copy(target, link);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (var p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
