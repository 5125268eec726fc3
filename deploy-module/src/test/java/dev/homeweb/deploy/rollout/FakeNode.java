package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.DeploySettings;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.Lease;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.lock.NodeLock;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.release.ReleaseBuilder;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.ssh.RemoteHost;
import dev.homeweb.deploy.ssh.SshFailure;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.deploy.units.UnitFile;
import dev.homeweb.deploy.units.UnitFileRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A node in a temporary folder, reached through {@link LocalShellHost}: the real scripts run with
 * the local shell against {@code DIR/node}, with fake {@code systemctl}, {@code journalctl}, {@code
 * curl}, agent {@code java}, {@code tar} and {@code df} first on the PATH ({@code
 * src/test/resources/fake-node}). Each command runs as PID 1 of its own PID namespace under a
 * program named {@code systemd}, so preflight sees what a systemd host shows. Failures are injected
 * with marker files ({@link #inject}).
 */
final class FakeNode {
    static final Clock CLOCK = Clock.systemUTC();
    static final LockHolder ME =
            new LockHolder("tester", "desk", ProcessHandle.current().pid(), Instant.EPOCH, "-");
    static final List<String> FAKES =
            List.of("systemctl", "journalctl", "curl", "java", "tar", "df", "pg_dump");

    final Path dir;
    final Path root;
    final Path fake;
    final NodeConfig node;
    final DeploySettings settings;
    private final List<String> shell;
    private final Map<String, String> environment;
    private final StringWriter printed = new StringWriter();
    private final List<Lease> leases = new ArrayList<>();
    private int opens;
    private IntFunction<Optional<SshFailure>> connections = n -> Optional.empty();

    FakeNode(Path dir) throws IOException {
        this.dir = dir;
        this.root = dir.resolve("node");
        this.fake = Files.createDirectories(dir.resolve("fake"));
        var bin = Files.createDirectories(dir.resolve("jdk/bin"));
        for (var name : FAKES) {
            try (InputStream in = FakeNode.class.getResourceAsStream("/fake-node/" + name)) {
                var file = bin.resolve(name);
                Files.write(file, in.readAllBytes());
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        var systemd = Files.copy(Path.of("/bin/sh"), bin.resolve("systemd"));
        this.shell = List.of("unshare", "-Urpf", "--mount-proc", systemd.toString(), "-c");
        this.environment =
                Map.of(
                        "PATH", bin + ":" + System.getenv("PATH"),
                        "FAKE", fake.toString(),
                        "NODE_ROOT", root.toString());
        Files.createDirectories(dir.resolve("secrets"));
        var credential = Files.createDirectories(dir.resolve("credstore")).resolve("database-url");
        Files.writeString(credential, "postgresql://blog:s3cret@127.0.0.1:5432/blog\n");
        Files.writeString(
                dir.resolve("secrets/database-url.age"), "sealed (the fake agent never reads it)");
        var config =
                DeployConfig.parse(
                        """
                        settings: {health_timeout: 2s, confirm_timeout: 30s}
                        secrets: {database-url: {path: %s}}
                        nodes:
                          blog:
                            hostname: blog.example.org
                            root: %s
                            service: {java_home: %s}
                        """
                                .formatted(credential, root, dir.resolve("jdk")),
                        dir);
        this.node = config.nodes().get("blog");
        this.settings = config.settings();
    }

    /** Creates the marker file that makes a fake fail (see the scripts for the names). */
    void inject(String marker) throws IOException {
        Files.writeString(fake.resolve(marker), "");
    }

    /**
     * Decides, for the n-th connection from now (counting from 1), whether it fails; it may also
     * act on the node first ("the rollback timer fired meanwhile").
     */
    void connections(IntFunction<Optional<SshFailure>> decide) {
        this.connections = decide;
        this.opens = 0;
    }

    NodeConnector connector() {
        return n -> {
            var failure = connections.apply(++opens);
            if (failure.isPresent()) {
                throw failure.get();
            }
            return host();
        };
    }

    RemoteHost host() {
        return new LocalShellHost(shell, environment);
    }

    /** A release of a fake server of its own whose content says {@code words}. */
    Release release(String words) {
        return release(words, words);
    }

    /** A release of fake server {@code code}: the same code and other words change only content. */
    Release release(String code, String words) {
        try {
            var content = Files.createDirectories(dir.resolve("content-" + words + "/posts"));
            Files.writeString(content.resolve("hello.md"), "# Hello\n\n" + words + "\n");
            var jar = Files.writeString(dir.resolve("home-web-" + code + ".jar"), "server " + code);
            var agent = Files.writeString(dir.resolve("node.jar"), "agent");
            return new ReleaseBuilder()
                    .build(jar, content.getParent(), Optional.empty(), Optional.empty(), agent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node's units, re-rooted under the node's folder (the rollback script already is). */
    List<UnitFile> units() {
        var units = new ArrayList<UnitFile>();
        for (var file : new UnitFileRenderer(settings.confirmTimeout()).render(node)) {
            units.add(
                    file.isSystemdUnit()
                            ? new UnitFile(
                                    root + "/etc/systemd/system",
                                    file.name(),
                                    file.text(),
                                    file.mode())
                            : file);
        }
        return units;
    }

    StepReporter.NodeSteps steps() {
        return new StepReporter(new PrintWriter(printed), CLOCK).forNode("blog");
    }

    NodeResult deploy(Release release) {
        return deploy(release, List.of("V1__create_posts.sql"));
    }

    /** A deploy of a release whose jar carries {@code migrations} (migrations.txt lines). */
    NodeResult deploy(Release release, List<String> migrations) {
        var plan =
                new DeployPlan(
                        node,
                        release,
                        migrations,
                        units(),
                        ME,
                        Duration.ZERO,
                        new DeploySteps(node, CLOCK),
                        new SchemaSteps(node, settings),
                        new SwitchSteps(node, settings, CLOCK));
        return run(plan, release.id());
    }

    NodeResult rollback(Optional<String> to) {
        return rollback(to, false);
    }

    NodeResult rollback(Optional<String> to, boolean force) {
        return run(RollbackPlan.forNode(node, settings, CLOCK, to, ME, force), null);
    }

    /** The names of the steps a run went through, in order. */
    static List<String> stepsOf(NodeResult result) {
        return result.steps().stream().map(StepResult::step).toList();
    }

    NodeResult run(Plan plan, String release) {
        var session = new NodeSession(connector(), node);
        if (release != null) {
            session.release(release);
        }
        return new StepRunner(session, steps(), CLOCK, settings.confirmTimeout()).execute(plan);
    }

    /** Another deploy, alive, holding the node's lock until {@link #restore} (or the test) ends. */
    Lease holdLock(LockHolder other) {
        var lease =
                new NodeLock(new NodeShell(host(), false), new NodeLayout(root.toString()), CLOCK)
                        .acquire(other, Duration.ZERO);
        leases.add(lease);
        return lease;
    }

    /** Keeps the node as it is now (hard links, symlinks and all) for {@link #restore}. */
    void snapshot() throws IOException, InterruptedException {
        sh("rm -rf snapshot && mkdir snapshot && cp -a node fake snapshot/");
    }

    /** Puts the node back as {@link #snapshot} kept it: no markers, fresh connections. */
    void restore() throws IOException, InterruptedException {
        leases.forEach(Lease::close);
        leases.clear();
        sh("rm -rf node fake && cp -a snapshot/node snapshot/fake .");
        connections(n -> Optional.empty());
        printed.getBuffer().setLength(0);
    }

    private void sh(String script) throws IOException, InterruptedException {
        var process =
                new ProcessBuilder("/bin/sh", "-euc", script)
                        .directory(dir.toFile())
                        .inheritIO()
                        .start();
        if (process.waitFor() != 0) {
            throw new IOException("failed: " + script);
        }
    }

    /** What the step lines said so far. */
    String printed() {
        return printed.toString();
    }

    Optional<String> current() throws IOException {
        var link = root.resolve("current");
        return Files.isSymbolicLink(link)
                ? Optional.of(Files.readSymbolicLink(link).getFileName().toString())
                : Optional.empty();
    }

    /** The release the fake server runs now. */
    String running() throws IOException {
        var file = fake.resolve("running");
        return Files.exists(file) ? Files.readString(file).strip() : "";
    }

    /** The release whose content the fake server serves now. */
    String content() throws IOException {
        var file = fake.resolve("content");
        return Files.exists(file) ? Files.readString(file).strip() : "";
    }

    /** The fake systemctl's calls so far, one a line. */
    String systemctlCalls() throws IOException {
        var file = fake.resolve("calls");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    List<String> audit() throws IOException {
        var log = root.resolve("audit.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    boolean locked() {
        return Files.exists(root.resolve("deploy.lock"));
    }
}
