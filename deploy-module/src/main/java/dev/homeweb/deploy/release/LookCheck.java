package dev.homeweb.deploy.release;

import dev.homeweb.deploy.config.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs the server jar's own {@code check} on the content folder before a release is built, so a
 * broken {@code content/site.yaml} or {@code theme/} template stops {@code plan} and {@code deploy}
 * with its file and line before any node is touched: the same validation {@code import} and {@code
 * serve} run, not a copy of it.
 */
public final class LookCheck {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path java;
    private final FileHashes hashes;
    private final @Nullable Path passed;

    /** With the Java this tool runs on, checking every time. */
    public LookCheck() {
        this(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    LookCheck(Path java) {
        this(java, FileHashes.none(), null);
    }

    /**
     * With the Java this tool runs on, remembering in {@code passed} the last inputs that passed:
     * the same jar, {@code site.yaml} and theme pass again without a run (a no-change or posts-only
     * deploy).
     */
    public LookCheck(FileHashes hashes, Path passed) {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), hashes, passed);
    }

    LookCheck(Path java, FileHashes hashes, @Nullable Path passed) {
        this.java = java;
        this.hashes = hashes;
        this.passed = passed;
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
        start(jar, content).await();
    }

    /**
     * Starts the check and returns at once, so the release can be built while it runs (it is a JVM
     * start, a quarter of a second); {@link Running#await} gives its verdict.
     */
    public Running start(Path jar, Path content) {
        var inputs = passed == null ? null : inputs(jar, content);
        if (inputs != null && inputs.equals(lastPassed())) {
            return new Running(null, content, null, null);
        }
        return new Running(start(command(jar, content)), content, passed, inputs);
    }

    /**
     * What the check reads, by hash: the Java and the jar that run it, {@code content/site.yaml}
     * and every file of the theme folder beside the content.
     */
    private @Nullable String inputs(Path jar, Path content) {
        try {
            var lines = new ArrayList<String>();
            lines.add("java " + java);
            lines.add("jar " + hashes.sum(jar).sha256());
            var site = content.resolve("site.yaml");
            lines.add(
                    "site.yaml "
                            + (Files.isRegularFile(site) ? hashes.sum(site).sha256() : "none"));
            var theme = ReleaseBuilder.themeFolder(content);
            if (Files.isDirectory(theme)) {
                try (var walk = Files.walk(theme)) {
                    for (var file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        lines.add(
                                "theme/"
                                        + theme.relativize(file)
                                        + " "
                                        + hashes.sum(file).sha256());
                    }
                }
            }
            return Hashes.sha256(String.join("\n", lines));
        } catch (IOException | UncheckedIOException e) {
            return null; // the check runs, and says what it cannot read
        }
    }

    private @Nullable String lastPassed() {
        try {
            return Files.readString(Objects.requireNonNull(passed)).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** A check under way. */
    public static final class Running {
        private final @Nullable Process process;
        private final Path content;
        private final @Nullable Path passed;
        private final @Nullable String inputs;

        private Running(
                @Nullable Process process,
                Path content,
                @Nullable Path passed,
                @Nullable String inputs) {
            this.process = process;
            this.content = content;
            this.passed = passed;
            this.inputs = inputs;
        }

        /**
         * Waits for the check.
         *
         * @throws UserError with the server's own message (file and line) when it failed
         */
        public void await() {
            if (process == null) {
                return; // these very inputs passed last time
            }
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
                rememberPassed(passed, inputs);
            } catch (IOException e) {
                throw new UserError("cannot read home-web check's output: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new UserError("interrupted while checking " + content, e);
            }
        }
    }

    /** A memory that cannot be written only costs the next deploy a check. */
    private static void rememberPassed(@Nullable Path file, @Nullable String inputs) {
        if (file == null || inputs == null) {
            return;
        }
        try {
            CacheFiles.replace(file, inputs + "\n");
        } catch (IOException e) {
            // checked again next time
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
