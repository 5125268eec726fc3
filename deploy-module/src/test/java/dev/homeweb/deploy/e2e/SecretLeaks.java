package dev.homeweb.deploy.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Looks for secret values where they must never be: while any deploy command runs, {@code
 * /proc/*&#47;cmdline}, {@code /proc/*&#47;environ} and {@code ps} on the node and on this host,
 * sampled over and over; on {@link #check}, every journal field on the node ({@code journalctl -o
 * export}), the node's files outside the credstore, the deployer's output and files. A sample or a
 * grep that fails is a failure too, never a pass. The values never go on a command line: the
 * matching happens here, and grep reads them from stdin.
 */
final class SecretLeaks {
    /** Every process's argv and environment, one process per line, then {@code ps}. */
    private static final String NODE_SAMPLE =
            "for p in /proc/[0-9]*; do cat $p/cmdline $p/environ 2>/dev/null; echo; done;"
                    + " ps -eo args";

    /** The node's directories searched for a value; the credstore, which holds them, is not. */
    private static final List<String> NODE_DIRS =
            List.of("etc", "var/lib/home-web", "var/log", "tmp", "var/tmp", "home", "root");

    private static final long PAUSE_MILLIS = 250;

    private final TargetHost target;
    private final Path deployerDir;
    private final Map<String, String> markers = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int active;
    private int samples;
    private Thread sampler;
    private Instant journalFrom = Instant.EPOCH;

    SecretLeaks(TargetHost target, Path deployerDir) {
        this.target = target;
        this.deployerDir = deployerDir;
    }

    /** A value to look for, and what to call it in a failure (never the value itself). */
    synchronized void watch(String name, String value) {
        if (value.length() < 8) {
            throw new IllegalArgumentException(name + " is too short to look for");
        }
        markers.put(name, value);
    }

    /** Runs {@code action} while sampling; at least one full sample is taken during it. */
    <T> T during(Callable<T> action) throws Exception {
        start();
        try {
            return action.call();
        } finally {
            stop();
        }
    }

    private synchronized void start() {
        if (active++ == 0) {
            var thread = new Thread(this::sampleUntilStopped, "secret-leak-sampler");
            thread.setDaemon(true); // a test that timed out must not keep the JVM alive
            sampler = thread;
            thread.start();
        }
    }

    private void stop() throws InterruptedException {
        Thread thread;
        synchronized (this) {
            if (--active > 0) {
                return;
            }
            thread = sampler;
            sampler = null;
            notifyAll();
        }
        thread.join();
    }

    private void sampleUntilStopped() {
        do {
            try {
                var node = target.ssh(NODE_SAMPLE);
                requireReal("node", node, "sshd");
                look("node /proc and ps", node);
                var host = hostSample();
                requireReal("host", host, "java");
                look("host /proc and ps", host);
                synchronized (this) {
                    samples++;
                }
            } catch (Exception e) {
                problem("a process sample failed: " + e);
            }
        } while (pausedAndStillActive());
    }

    /**
     * A pause between samples, so that sampling does not starve the node it watches on a loaded
     * machine (each sample is an SSH session and a read of every process); {@link #stop} ends it.
     */
    private synchronized boolean pausedAndStillActive() {
        if (!stillActive()) {
            return false;
        }
        try {
            wait(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return stillActive();
    }

    private synchronized boolean stillActive() {
        return active > 0 && sampler == Thread.currentThread();
    }

    /** A sample that read nothing must not count as clean. */
    private void requireReal(String where, String sample, String process) {
        if (!sample.contains("PATH=") || !sample.contains(process)) {
            problem("the " + where + " sample saw no environment or no " + process + " process");
        }
    }

    private static String hostSample() throws IOException, InterruptedException {
        var out = new StringBuilder();
        try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
            for (var pid : pids.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                for (var file : List.of("cmdline", "environ")) {
                    try {
                        out.append(
                                new String(
                                        Files.readAllBytes(pid.resolve(file)),
                                        StandardCharsets.ISO_8859_1));
                    } catch (IOException e) {
                        // the process ended between the listing and the read
                    }
                }
                out.append('\n');
            }
        }
        var ps = TargetHost.run(List.of("ps", "-eo", "args"), 60);
        if (ps.code() != 0) {
            throw new IllegalStateException("ps exited " + ps.code() + ": " + ps.err());
        }
        return out.append(ps.out()).toString();
    }

    private void look(String where, String text) {
        for (var marker : markers().entrySet()) {
            int at = text.indexOf(marker.getValue());
            if (at >= 0) {
                int from = Math.max(text.lastIndexOf('\n', at) + 1, at - 150);
                int end = text.indexOf('\n', at);
                var line = text.substring(from, end < 0 ? text.length() : Math.min(end, at + 150));
                problem(
                        marker.getKey()
                                + " in "
                                + where
                                + ": "
                                + line.replace(marker.getValue(), "<" + marker.getKey() + ">")
                                        .replace('\0', ' '));
            }
        }
    }

    private synchronized Map<String, String> markers() {
        return Map.copyOf(markers);
    }

    private synchronized void problem(String text) {
        problems.add(text);
    }

    /**
     * Everything found since the last check, after also reading the node's journal (since the last
     * check), its files and the deployer's; {@code output} is what the deployer printed.
     */
    List<String> check(List<String> output) throws IOException, InterruptedException {
        var now = Instant.now();
        var since = "@" + Math.max(0, journalFrom.getEpochSecond() - 1);
        look("the node's journal", target.ssh("journalctl --no-pager -o export --since=" + since));
        journalFrom = now;
        grepNodeFiles();
        output.forEach(text -> look("the deployer's output", text));
        try (Stream<Path> files = Files.walk(deployerDir)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals(E2e.ADMIN_IDENTITY)) {
                    look(
                            "deployer file " + file,
                            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        synchronized (this) {
            var found = new ArrayList<>(problems);
            problems.clear();
            return found;
        }
    }

    /** Samples taken so far; each deploy command gets at least one. */
    synchronized int samples() {
        return samples;
    }

    /** grep on this host over the node's root: exit 1 is clean, 0 a find, anything else broken. */
    private void grepNodeFiles() throws IOException, InterruptedException {
        var command =
                new ArrayList<>(
                        List.of(
                                "grep",
                                "-rlF",
                                "--devices=skip",
                                "--exclude-dir=credstore",
                                "--file=/dev/stdin"));
        for (var dir : NODE_DIRS) {
            if (Files.isDirectory(target.root().resolve(dir))) {
                command.add(target.root().resolve(dir).toString());
            }
        }
        var grep = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = grep.getOutputStream()) {
            stdin.write(String.join("\n", markers().values()).getBytes(StandardCharsets.UTF_8));
        }
        var out = new String(grep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = grep.waitFor();
        if (code == 0) {
            problem("a secret value in files on the node: " + out.strip());
        } else if (code != 1) {
            problem("grep over the node's files exited " + code + ": " + out.strip());
        }
    }
}
