package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.config.UserError;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.release.AotCache;
import dev.homeweb.deploy.release.FileHashes;
import dev.homeweb.deploy.release.LookCheck;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.release.ReleaseBuilder;
import dev.homeweb.deploy.release.RuntimeImage;
import dev.homeweb.deploy.rollout.NodeConnector;
import dev.homeweb.deploy.ssh.SshConnector;
import dev.homeweb.deploy.ssh.SshSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the machine running the tool brings to a command: who deploys (for the lock and the audit
 * log), its home and cache folders, and the releases built here.
 */
final class Workstation {
    private final Map<String, String> environment;
    private final Clock clock;
    private final PrintWriter err;

    Workstation(Map<String, String> environment, Clock clock, PrintWriter err) {
        this.environment = environment;
        this.clock = clock;
        this.err = err;
    }

    /**
     * One release per kind of node: with the bundled runtime, or for a node's own Java; {@code
     * nodeJar} null means the agent jar beside this tool's.
     */
    Map<NodeConfig, Release> releases(
            List<NodeConfig> selected, Path jar, Path content, Path nodeJar) {
        var hashes = FileHashes.in(cacheDir().resolve("hashes.tsv"), clock);
        // site.yaml and theme/ are checked by the server itself, while the release is built and
        // before anything is sent; a failed check speaks first, whatever the build said.
        var check = new LookCheck(hashes, cacheDir().resolve("look-passed")).start(jar, content);
        Map<NodeConfig, Release> releases;
        try {
            releases = build(selected, jar, content, nodeJar, hashes);
        } catch (RuntimeException e) {
            check.await();
            throw e;
        }
        try {
            check.await();
        } finally {
            hashes.save();
        }
        return releases;
    }

    private Map<NodeConfig, Release> build(
            List<NodeConfig> selected, Path jar, Path content, Path nodeJar, FileHashes hashes) {
        var builder = new ReleaseBuilder(hashes);
        var agent = nodeJar != null ? nodeJar : defaultNodeJar();
        var byKind = new HashMap<Boolean, Release>();
        var result = new HashMap<NodeConfig, Release>();
        for (var node : selected) {
            boolean bundled = node.service().javaHome().isEmpty();
            var release =
                    byKind.computeIfAbsent(
                            bundled,
                            b -> {
                                var runtime =
                                        b
                                                ? Optional.of(runtimeImage().image())
                                                : Optional.<Path>empty();
                                var aot =
                                        runtime.flatMap(
                                                image ->
                                                        aotCache(
                                                                image,
                                                                jar,
                                                                node.service().jvmOptions(),
                                                                hashes));
                                var r = builder.build(jar, content, runtime, aot, agent);
                                err.printf(
                                        "release %s: %d files, %.1f MB%s%n",
                                        r.id(),
                                        r.files().size(),
                                        r.totalBytes() / 1e6,
                                        b
                                                ? aot.isPresent()
                                                        ? " (with Java runtime and AOT cache)"
                                                        : " (with Java runtime)"
                                                : "");
                                err.flush();
                                return r;
                            });
            result.put(node, release);
        }
        return result;
    }

    /**
     * The Java runtime releases carry, built once per JDK into the cache: jlink'd from the JDK in
     * {@code HOME_WEB_RUNTIME_JDK} when set (a Java 25 or later one brings the AOT cache), else
     * from the JDK this tool runs on.
     */
    RuntimeImage runtimeImage() {
        var jdk =
                Optional.ofNullable(environment.get(RUNTIME_JDK))
                        .filter(s -> !s.isBlank())
                        .map(Path::of)
                        .orElse(Path.of(System.getProperty("java.home")));
        if (!Files.isExecutable(jdk.resolve("bin/jlink"))) {
            throw new UserError(
                    RUNTIME_JDK
                            + "="
                            + jdk
                            + " is not a JDK (it has no bin/jlink); name a JDK's folder, such as"
                            + " /usr/lib/jvm/temurin-25-jdk-amd64");
        }
        return new RuntimeImage(jdk, cacheDir());
    }

    static final String RUNTIME_JDK = "HOME_WEB_RUNTIME_JDK";

    /**
     * The runtime's AOT cache for {@code jar}, trained once into the cache; empty for a runtime
     * older than Java 25, or (said on stderr) when the training run fails: the server then starts
     * as it would without one, only slower.
     */
    private Optional<AotCache.Trained> aotCache(
            Path runtime, Path jar, List<String> jvmOptions, FileHashes hashes) {
        try {
            return new AotCache(cacheDir(), hashes).cache(runtime, jar, jvmOptions);
        } catch (IOException e) {
            err.println("warning: release without an AOT cache: " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    private Path cacheDir() {
        return Optional.ofNullable(environment.get("XDG_CACHE_HOME"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .orElse(home().resolve(".cache"))
                .resolve("home-web-deploy");
    }

    /** The agent jar the build puts beside this tool's jar (or beside target/classes). */
    static Path defaultNodeJar() {
        try {
            var location =
                    Path.of(
                            Workstation.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            return location.getParent().resolve("home-web-node.jar");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("deploy-module/target/home-web-node.jar");
        }
    }

    /** This user on this machine, now, for {@code release}: a lock holder and audit {@code by=}. */
    LockHolder me(String release) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        var user = environment.getOrDefault("USER", System.getProperty("user.name"));
        return new LockHolder(
                user.replaceAll("[^A-Za-z0-9._-]", "_"),
                host.replaceAll("[^A-Za-z0-9._-]", "_"),
                ProcessHandle.current().pid(),
                clock.instant(),
                release);
    }

    /**
     * SSH as this user's settings say, with the command line's {@code identity} and {@code
     * knownHosts} (null: the settings') over them.
     */
    NodeConnector connector(Path identity, Path knownHosts, boolean acceptNewHostKey) {
        var settings = SshSettings.fromEnvironment(environment, home());
        if (identity != null) {
            settings = settings.withIdentity(identity);
        }
        if (knownHosts != null) {
            settings = settings.withKnownHosts(knownHosts);
        }
        return NodeConnector.ssh(new SshConnector(settings.acceptingNewHostKeys(acceptNewHostKey)));
    }

    Path home() {
        return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
    }
}
