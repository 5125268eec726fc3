package dev.homeweb.deploy.release;

import dev.homeweb.deploy.config.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the server jar's own {@code check} on the content folder before a release is built, so a
 * broken {@code content/site.yaml} or {@code theme/} template stops {@code plan} and {@code deploy}
 * with its file and line before any node is touched: the same validation {@code import} and {@code
 * serve} run, not a copy of it.
 */
public final class LookCheck {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path java;

    /** With the Java this tool runs on. */
    public LookCheck() {
        this(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    LookCheck(Path java) {
        this.java = java;
    }

    /** The command line: data, so a test can read it. */
    List<String> command(Path jar, Path content) {
        return List.of(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "check",
                "--content",
                content.toString());
    }

    /**
     * @throws UserError with the server's own message (file and line) when the check fails
     */
    public void run(Path jar, Path content) {
        var process = start(command(jar, content));
        try {
            var output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                            .strip();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new UserError("home-web check of " + content + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new UserError(
                        "the content or theme would not be served; nothing was changed:\n"
                                + output);
            }
        } catch (IOException e) {
            throw new UserError("cannot read home-web check's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new UserError("interrupted while checking " + content, e);
        }
    }

    private static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UserError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }
}
