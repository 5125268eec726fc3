package dev.homeweb.deploy.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real server jar, started through one more class that makes {@code serve} exit on one host (by
 * its kernel host name) and hands everything else to the server's own main class: a release that
 * migrates and imports everywhere and serves everywhere but on that node, as a release that needs
 * something that node lacks would.
 */
final class NodeSpecificJar {
    private static final String SERVER_MAIN = "dev.homeweb.Main";
    private static final String MAIN = "ServesNotOnOneHost";

    private NodeSpecificJar() {}

    static Path build(Path dir, Path serverJar, String hostname) throws IOException {
        var work = Files.createDirectories(dir.resolve("serves-not-on-" + hostname));
        var source = work.resolve(MAIN + ".java");
        Files.writeString(
                source,
                """
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class %1$s {
                    public static void main(String[] args) throws Throwable {
                        if (args.length > 0 && args[0].equals("serve")) {
                            String host = Files.readString(Path.of("/etc/hostname")).strip();
                            if (host.equals("%2$s")) {
                                System.err.println("this release cannot serve on " + host);
                                System.exit(1);
                            }
                        }
                        try {
                            Class.forName("%3$s")
                                    .getMethod("main", String[].class)
                                    .invoke(null, (Object) args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                }
                """
                        .formatted(MAIN, hostname, SERVER_MAIN));
        FakeServerJar.compile(source, work);
        var jar = dir.resolve("home-web-serves-not-on-" + hostname + ".jar");
        Files.copy(serverJar, jar);
        try (var zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Files.copy(work.resolve(MAIN + ".class"), zip.getPath(MAIN + ".class"));
            var manifest = zip.getPath("META-INF/MANIFEST.MF");
            var text = Files.readString(manifest, StandardCharsets.UTF_8);
            var line = "Main-Class: " + SERVER_MAIN;
            if (!text.contains(line)) {
                throw new IllegalStateException("the server jar's manifest has no " + line);
            }
            Files.writeString(manifest, text.replace(line, "Main-Class: " + MAIN));
        }
        return jar;
    }
}
