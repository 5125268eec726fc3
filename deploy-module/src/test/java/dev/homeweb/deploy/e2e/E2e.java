package dev.homeweb.deploy.e2e;

import dev.homeweb.deploy.cli.DeployCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs the deploy CLI in-process against a target host, with a config written for it. */
final class E2e {
    /** The sample post the tests edit, served at {@code /blog/writing-posts}. */
    static final String POST = "writing-posts";

    static final String POST_TITLE = "How to write a post";

    final TargetHost target;
    final Path dir;
    final Path config;

    /** The CLI's environment; {@link #withEnvironment} adds to it. */
    Map<String, String> environment;

    /** The administrator's identity; deploys never get it (only set/show/rekey/edit). */
    final Path adminIdentity;

    static final String ADMIN_IDENTITY = "admin-identity.txt";

    /** Every run of the CLI, to check that no output ever showed a secret. */
    final List<Run> history = java.util.Collections.synchronizedList(new ArrayList<>());

    /** How many runs of {@link #history} {@link #assertNoSecretLeaked} has looked at. */
    private int checked;

    /** Samples the node and this host while the CLI runs; the database password to start. */
    final SecretLeaks leaks;

    E2e(TargetHost target, Path dir, String settings) throws IOException {
        this(target, dir, settings, "");
    }

    /**
     * @param service more lines for the node's {@code service:} (such as {@code bind: 0.0.0.0}, so
     *     the host reaches the server)
     */
    E2e(TargetHost target, Path dir, String settings, String service) throws IOException {
        this.target = target;
        this.dir = dir;
        this.config = dir.resolve("deploy.yaml");
        this.adminIdentity = dir.resolve(ADMIN_IDENTITY);
        this.leaks = new SecretLeaks(target, dir);
        leaks.watch("the database password", password(databaseUrl(target)));
        var admin = dev.homeweb.node.age.AgeIdentity.generate();
        Files.writeString(adminIdentity, admin.fileText(java.time.Instant.now()));
        Files.writeString(
                config,
                """
                settings:
                %s
                secrets:
                  admins: [%s]
                  database-url: {}
                nodes:
                  e2e:
                    hostname: %s
                    ssh_user: deploy
                    service:
                      site_title: E2E blog
                      jvm_options: [-Xmx192m, -XX:+UseSerialGC, -XX:TieredStopAtLevel=1]
                %s"""
                        .formatted(
                                settings.indent(2).stripTrailing(),
                                admin.recipient().orElseThrow(),
                                target.get("TARGET_ADDRESS"),
                                service.indent(6)));
        var env = new HashMap<String, String>();
        env.put("HOME", dir.toString());
        env.put("USER", "e2e");
        env.put("XDG_CACHE_HOME", Path.of(System.getProperty("user.home"), ".cache").toString());
        this.environment = Map.copyOf(env);
    }

    /** The CLI runs from now on with {@code name=value} in its environment too. */
    E2e withEnvironment(String name, String value) {
        var env = new HashMap<>(environment);
        env.put(name, value);
        environment = Map.copyOf(env);
        return this;
    }

    static String databaseUrl(TargetHost target) throws IOException {
        return Files.readString(Path.of(target.get("TARGET_DATABASE_URL_FILE"))).strip();
    }

    /** The password of a {@code postgresql://user:password@host/db} URL. */
    static String password(String url) {
        return url.substring(url.indexOf(':', "postgresql://".length()) + 1, url.indexOf('@'));
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("homeweb.root", "..")).toAbsolutePath().normalize();
    }

    /** The real server jar with one more file: other code as far as a deploy can tell. */
    static Path jarVariant(Path dir, String name) throws IOException {
        var jar = dir.resolve("home-web-" + name + "-" + UUID.randomUUID() + ".jar");
        Files.copy(appJar(), jar);
        try (var zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Files.writeString(zip.getPath("zero-downtime-variant.txt"), name + "\n");
        }
        return jar;
    }

    static Path appJar() {
        return Path.of(System.getProperty("homeweb.jar", repoRoot() + "/app/target/home-web.jar"));
    }

    /** The CLI's arguments for this target: config, key and known_hosts first. */
    List<String> args(String... rest) {
        return argsWithKnownHosts(Path.of(target.get("TARGET_KNOWN_HOSTS")), rest);
    }

    List<String> argsWithKnownHosts(Path knownHosts, String... rest) {
        var args =
                new ArrayList<>(
                        List.of(
                                "--config", config.toString(),
                                "--identity", target.get("TARGET_SSH_KEY"),
                                "--known-hosts", knownHosts.toString()));
        args.addAll(List.of(rest));
        return args;
    }

    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** A deploy of another server jar with the repository's content. */
    Run deployJar(Path jar) {
        return deploy(
                "--jar", jar.toString(), "--content", repoRoot().resolve("content").toString());
    }

    /** A deploy that must succeed (else the failure with the server's journal): its release. */
    String deployed(String... rest) {
        var run = deploy(rest);
        org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(failure(run)).isZero();
        return release(run);
    }

    /** The deploy CLI in a JVM of its own (to kill it), with this target's arguments. */
    List<String> deployerCommand(String... rest) {
        var command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.homeweb.deploy.Main"));
        command.addAll(args(rest));
        return command;
    }

    Run deploy(String... rest) {
        return run(args(rest));
    }

    Run run(List<String> args) {
        return run(new byte[0], args);
    }

    Run run(byte[] stdin, List<String> args) {
        var run = execute(stdin, args);
        history.add(run);
        System.out.println(
                "deploy " + String.join(" ", args) + " -> " + run.exitCode() + "\n" + run.all());
        return run;
    }

    /**
     * A run whose output is meant to show a secret ({@code secrets show}): kept out of the logs.
     */
    Run reveal(String... args) {
        return execute(new byte[0], args(args));
    }

    private Run execute(byte[] stdin, List<String> args) {
        var out = new StringWriter();
        var err = new StringWriter();
        try {
            int code =
                    leaks.during(
                            () ->
                                    DeployCommand.commandLine(
                                                    environment,
                                                    Clock.systemUTC(),
                                                    new java.io.ByteArrayInputStream(stdin),
                                                    new PrintWriter(out, true),
                                                    new PrintWriter(err, true))
                                            .execute(args.toArray(String[]::new)));
            return new Run(code, out.toString(), err.toString());
        } catch (Exception e) {
            throw new IllegalStateException("deploy " + args + " threw", e);
        }
    }

    /**
     * No secret value in what {@link SecretLeaks} sampled or finds now, nor in the output of the
     * runs since the last call.
     */
    void assertNoSecretLeaked() throws IOException, InterruptedException {
        List<String> outputs;
        synchronized (history) {
            outputs = history.subList(checked, history.size()).stream().map(Run::all).toList();
            checked = history.size();
        }
        org.assertj.core.api.Assertions.assertThat(leaks.check(outputs))
                .as("secret values where they must never be")
                .isEmpty();
    }

    /** The repository's server jar and content: the arguments of a plain deploy. */
    static String[] release() {
        return new String[] {
            "--jar", appJar().toString(), "--content", repoRoot().resolve("content").toString()
        };
    }

    /**
     * {@code secrets init} for the node (uploads the release, the node makes its key), then the
     * database URL encrypted to it with {@code secrets set}, read from stdin.
     */
    Run initSecrets() throws IOException {
        var init = deploy(concat(List.of("secrets", "init", "e2e"), release()));
        if (init.exitCode() != 0) {
            throw new IllegalStateException("secrets init failed:\n" + init.all());
        }
        setSecret(
                "database-url", Files.readString(Path.of(target.get("TARGET_DATABASE_URL_FILE"))));
        return init;
    }

    /** {@code secrets set NAME} with the value on stdin; needs no identity. */
    void setSecret(String name, String value) {
        var set =
                run(
                        value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        args("secrets", "set", name));
        if (set.exitCode() != 0) {
            throw new IllegalStateException("secrets set failed:\n" + set.all());
        }
    }

    static String[] concat(List<String> first, String... rest) {
        var all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    /** A copy of the repository's content with {@code edit} applied to the sample post. */
    Path contentWith(String name, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        var copy = dir.resolve(name);
        var source = repoRoot().resolve("content");
        try (Stream<Path> files = Files.walk(source)) {
            for (var p : files.toList()) {
                var target = copy.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        var post = copy.resolve("posts/" + POST + ".md");
        Files.writeString(post, edit.apply(Files.readString(post)));
        return copy;
    }

    static String release(Run run) {
        Matcher m = Pattern.compile("release ([0-9a-f]{16}):").matcher(run.err());
        if (!m.find()) {
            throw new IllegalStateException("no release id in output:\n" + run.all());
        }
        return m.group(1);
    }

    String currentOnNode() throws IOException {
        return Files.readSymbolicLink(target.root().resolve("var/lib/home-web/current"))
                .getFileName()
                .toString();
    }

    /** A failed deploy's description: its output and the server's last journal lines. */
    java.util.function.Supplier<String> failure(Run run) {
        return () -> {
            try {
                return run.all()
                        + "\nhome-web.service journal:\n"
                        + target.ssh("journalctl -u home-web.service -n 60 --no-pager -o cat")
                        + "\nthe database and the node's processes:\n"
                        + target.ssh(
                                "cd /; runuser -u postgres -- psql -X -c 'select pid, usename,"
                                        + " state, wait_event_type, wait_event, left(query, 60)"
                                        + " from pg_stat_activity'; tail -n 30"
                                        + " /var/log/postgresql/*.log; ss -tan | head -n 40;"
                                        + " ps -eo pid,stat,etime,args | grep -v ' \\[' || true");
            } catch (IOException | InterruptedException | RuntimeException e) {
                return run.all() + "\n(no journal: " + e + ")";
            }
        };
    }

    /**
     * Deploys {@code content} with the deployer in a process of its own and SIGKILLs it once it
     * reported the switch; returns what it printed until then (recorded in {@link #history}).
     */
    String killedAfterTheSwitch(Path content) throws Exception {
        var command =
                deployerCommand("--jar", appJar().toString(), "--content", content.toString());
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment);
        var seen = leaks.during(() -> runUntilSwitched(pb));
        System.out.println(seen);
        history.add(new Run(-9, seen, ""));
        return seen;
    }

    private static String runUntilSwitched(ProcessBuilder pb) throws Exception {
        var deployer = pb.start();
        var seen = new StringBuilder();
        try (var lines =
                new java.io.BufferedReader(
                        new java.io.InputStreamReader(
                                deployer.getInputStream(),
                                java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("[e2e] switch     ok")) {
                    deployer.destroyForcibly();
                    break;
                }
            }
        } finally {
            deployer.destroyForcibly().waitFor();
        }
        return seen.toString();
    }

    String healthz() throws IOException, InterruptedException {
        return target.http("/healthz");
    }
}
