package dev.homeweb.deploy.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real systemd + sshd node booted by {@code tools/target-host/target-host up} (systemd-nspawn),
 * with PostgreSQL inside. Booting failures fail the test; {@link #close()} always tears it down.
 */
final class TargetHost implements AutoCloseable {
    final String name;
    final Map<String, String> env;
    private final Path script;

    private TargetHost(String name, Map<String, String> env, Path script) {
        this.name = name;
        this.env = env;
        this.script = script;
    }

    static Path script() {
        var configured = System.getProperty("homeweb.target-host");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return E2e.repoRoot().resolve("tools/target-host/target-host");
    }

    /** Boots a fresh target with a name unique to this run. */
    static TargetHost up(String prefix) throws IOException, InterruptedException {
        var script = script();
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(
                    "target-host script " + script + " is missing; the end-to-end tests need it");
        }
        prepareOnce(script);
        var bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        var name = prefix + "-" + HexFormat.of().formatHex(bytes);
        var result = run(List.of(script.toString(), "up", name), 300);
        if (result.code != 0) {
            run(List.of(script.toString(), "down", name), 60);
            throw new IllegalStateException(
                    "target-host up "
                            + name
                            + " failed (exit "
                            + result.code
                            + "):\n"
                            + result.err);
        }
        var env = new HashMap<String, String>();
        for (var line : result.out.lines().toList()) {
            int eq = line.indexOf('=');
            if (line.startsWith("TARGET_") && eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        var host = new TargetHost(name, Map.copyOf(env), script);
        Runtime.getRuntime().addShutdownHook(new Thread(host::down));
        return host;
    }

    private static boolean prepared;

    /**
     * {@code target-host prepare}: installs host packages and builds the cached rootfs when absent
     * (10-15 min on a fresh machine, a second when cached). Once per test JVM.
     */
    private static synchronized void prepareOnce(Path script)
            throws IOException, InterruptedException {
        if (prepared) {
            return;
        }
        var result = run(List.of(script.toString(), "prepare"), 1800);
        if (result.code != 0) {
            throw new IllegalStateException(
                    "target-host prepare failed (exit " + result.code + "):\n" + result.err);
        }
        prepared = true;
    }

    String get(String key) {
        var value = env.get(key);
        if (value == null) {
            throw new IllegalStateException("target-host did not print " + key + ": " + env);
        }
        return value;
    }

    Path root() {
        return Path.of(get("TARGET_ROOT"));
    }

    /** Runs a command as root on the node; returns stdout, failing on a non-zero exit. */
    String ssh(String command) throws IOException, InterruptedException {
        var result = run(List.of(script.toString(), "ssh", name, command), 120);
        if (result.code != 0) {
            throw new IllegalStateException(
                    "on " + name + ": " + command + " exited " + result.code + ": " + result.err);
        }
        return result.out;
    }

    /** The page or JSON the server answers on the node, fetched on the node itself. */
    String http(String path) throws IOException, InterruptedException {
        return ssh("curl -sS --max-time 5 http://127.0.0.1:8080" + path);
    }

    /**
     * {@code systemctl reboot} inside, then the same root booted again ({@code target-host
     * reboot}): what a node that reboots keeps and loses.
     */
    void reboot() throws IOException, InterruptedException {
        var result = run(List.of(script.toString(), "reboot", name), 300);
        if (result.code != 0) {
            throw new IllegalStateException(
                    "target-host reboot "
                            + name
                            + " failed (exit "
                            + result.code
                            + "):\n"
                            + result.err);
        }
    }

    void down() {
        try {
            run(List.of(script.toString(), "down", name), 120);
        } catch (IOException | InterruptedException e) {
            // best effort: a shutdown hook runs this again
        }
    }

    @Override
    public void close() {
        down();
    }

    record Result(int code, String out, String err) {}

    static Result run(List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        var pb = new ProcessBuilder(new ArrayList<>(command));
        if (command.get(0).equals(script().toString())) {
            // Our own state directories: another suite's `target-host down-all` on a shared
            // machine must not take this suite's nodes down.
            pb.environment().put("HOME_WEB_TEST_RUN", "/run/home-web-deploy-e2e");
            pb.environment().put("HOME_WEB_TEST_DATA", "/var/lib/home-web-deploy-e2e");
        }
        var errFile = Files.createTempFile("target-host", ".err");
        pb.redirectError(errFile.toFile());
        var process = pb.start();
        process.getOutputStream().close();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        var err = Files.readString(errFile);
        Files.deleteIfExists(errFile);
        return new Result(process.exitValue(), out, err);
    }
}
