package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.ssh.ExecResult;
import dev.homeweb.deploy.ssh.RemoteHost;
import dev.homeweb.deploy.ssh.RemoteProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hand-written fake node: runs each command with the local {@code /bin/sh}, no network; {@code
 * shell} may put something in front (see {@link FakeNode}) and {@code environment} is added.
 */
final class LocalShellHost implements RemoteHost {
    private final List<String> shell;
    private final Map<String, String> environment;

    LocalShellHost() {
        this(List.of("/bin/sh", "-c"), Map.of());
    }

    LocalShellHost(List<String> shell, Map<String, String> environment) {
        this.shell = List.copyOf(shell);
        this.environment = Map.copyOf(environment);
    }

    @Override
    public ExecResult exec(String command, Stdin stdin) {
        try {
            var argv = new ArrayList<>(shell);
            argv.add(command);
            var builder = new ProcessBuilder(argv);
            builder.environment().putAll(environment);
            var process = builder.start();
            var out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            var err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                stdin.writeTo(in);
            }
            return new ExecResult(process.waitFor(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RemoteProcess start(String command) {
        try {
            var argv = new ArrayList<>(shell);
            argv.add(command);
            var builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment);
            var process = builder.start();
            return new RemoteProcess() {
                @Override
                public InputStream stdout() {
                    return process.getInputStream();
                }

                @Override
                public OutputStream stdin() {
                    return process.getOutputStream();
                }

                @Override
                public boolean isAlive() {
                    return process.isAlive();
                }

                @Override
                public void close() {
                    try {
                        process.getOutputStream().close();
                        if (!process.waitFor(10, TimeUnit.SECONDS)) {
                            process.destroyForcibly();
                        }
                    } catch (IOException e) {
                        process.destroyForcibly();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        process.destroyForcibly();
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int stream(String command, OutputStream out, OutputStream err) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public String description() {
        return "local";
    }

    @Override
    public void close() {}
}
