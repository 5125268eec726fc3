package dev.homeweb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code home-web.jar} run as a separate process, as a user would: the process and the
 * files its output goes to.
 */
public record JarProcess(Process process, Path stdoutFile, Path stderrFile) {

    /** Result of a finished run. */
    public record Result(int exitCode, String stdout, String stderr) {}

    public static Path jar() {
        var jar = Path.of(System.getProperty("homeweb.jar", "target/home-web.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: run the integration tests with mvn verify");
        }
        return jar;
    }

    public static JarProcess start(Path workDir, Map<String, String> environment, String... args) {
        return start(workDir, environment, List.of(), args);
    }

    /** The same with JVM options, such as the systemd unit's {@code -Xmx48m}. */
    public static JarProcess start(
            Path workDir,
            Map<String, String> environment,
            List<String> jvmOptions,
            String... args) {
        var command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("HOME_WEB_") || k.equals("CREDENTIALS_DIRECTORY"));
        builder.environment().putAll(environment);
        try {
            var out = Files.createTempFile(workDir, "stdout", ".txt");
            var err = Files.createTempFile(workDir, "stderr", ".txt");
            builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            return new JarProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result run(Path workDir, Map<String, String> environment, String... args) {
        return start(workDir, environment, args).await(120);
    }

    public Result await(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        "home-web did not exit within " + seconds + " s; stderr: " + stderr());
            }
            return new Result(process.exitValue(), stdout(), stderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String stdout() {
        return read(stdoutFile);
    }

    public String stderr() {
        return read(stderrFile);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
