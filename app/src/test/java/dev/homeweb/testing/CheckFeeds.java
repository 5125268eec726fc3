package dev.homeweb.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code tools/check-feeds.py}: Debian's python3-feedparser reading our feeds, as a second,
 * independent reader.
 */
public final class CheckFeeds {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private CheckFeeds() {}

    /** Exit code and combined output of one run. */
    public record Result(int exitCode, String output) {}

    public static Result check(List<String> urls) throws Exception {
        var command = new ArrayList<>(List.of(PYTHON.toString(), script().toString()));
        command.addAll(urls);
        return run(command.toArray(String[]::new));
    }

    public static Result run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), output);
    }

    public static Path python() {
        return PYTHON;
    }

    /** The script in the repository, found from the module directory tests run in. */
    static Path script() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve("tools/check-feeds.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(
                "tools/check-feeds.py not found above " + Path.of("").toAbsolutePath());
    }
}
