package dev.homeweb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

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

    /** Runs {@code home-web ARGS} in {@code workDir}, with no HOME_WEB_ variables, to its end. */
    public static Result run(Path workDir, String... args) {
        return run(workDir, Map.of(), args);
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

    /**
     * Waits (up to a minute) for {@code serve} to say "listening on HOST:PORT" and returns the
     * port; fails at once, with its stderr, if the server exits first.
     */
    public int awaitListeningPort() {
        var listening = Pattern.compile("listening on [^:]+:(\\d+)");
        var port = new int[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            if (!process.isAlive()) {
                                throw new AssertionError("server exited: " + stderr());
                            }
                            var m = listening.matcher(stdout());
                            if (m.find()) {
                                port[0] = Integer.parseInt(m.group(1));
                                return true;
                            }
                            return false;
                        });
        return port[0];
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
