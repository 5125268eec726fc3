package dev.homeweb.deploy.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

/**
 * A stand-in server jar that misbehaves on purpose: it fails its migration, or it migrates and
 * imports fine but crashes when serving.
 */
public final class FakeServerJar {
    private FakeServerJar() {}

    public static Path build(Path dir, String mode) throws IOException {
        var src = Files.createDirectories(dir.resolve("fake-" + mode + "/src"));
        var classes = Files.createDirectories(dir.resolve("fake-" + mode + "/classes"));
        var source = src.resolve("FakeServer.java");
        Files.writeString(
                source,
                """
                public class FakeServer {
                    public static void main(String[] args) {
                        String command = args.length > 0 ? args[0] : "";
                        String mode = "%s";
                        if (command.equals("migrate") && mode.equals("fail-migrate")) {
                            System.err.println("V2__broken.sql: ERROR: syntax error at or near \\"oops\\"");
                            System.exit(1);
                        }
                        if (command.equals("check") && mode.equals("fail-check")) {
                            System.err.println("home-web check: theme/footer.mustache:3: Improperly closed variable");
                            System.exit(2);
                        }
                        if (command.equals("serve") && mode.equals("crash-on-serve")) {
                            System.err.println("fake server: crashing on start");
                            System.exit(1);
                        }
                        System.out.println("fake server: " + command + " ok");
                    }
                }
                """
                        .formatted(mode));
        compile(source, classes);
        var jar = dir.resolve("fake-" + mode + ".jar");
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeServer");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("FakeServer.class"));
            out.write(Files.readAllBytes(classes.resolve("FakeServer.class")));
            out.closeEntry();
            out.putNextEntry(new JarEntry("db/migration/V1__create_posts.sql"));
            out.write("-- fake\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
            if (mode.equals("fail-migrate")) {
                out.putNextEntry(new JarEntry("db/migration/V2__broken.sql"));
                out.write("oops;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Compiles one source file for Java 17 into {@code classes}. */
    static void compile(Path source, Path classes) {
        int rc =
                ToolProvider.getSystemJavaCompiler()
                        .run(
                                null,
                                null,
                                null,
                                "--release",
                                "17",
                                "-d",
                                classes.toString(),
                                source.toString());
        if (rc != 0) {
            throw new IllegalStateException("cannot compile " + source);
        }
    }
}
