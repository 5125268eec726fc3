package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.release.ReleaseBuilder;
import dev.homeweb.deploy.release.RuntimeImage;
import dev.homeweb.deploy.rollout.NodeConnector;
import dev.homeweb.deploy.ssh.SshConnector;
import dev.homeweb.deploy.ssh.SshSettings;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
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
        var builder = new ReleaseBuilder();
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
                                var r = builder.build(jar, content, runtime, agent);
                                err.printf(
                                        "release %s: %d files, %.1f MB%s%n",
                                        r.id(),
                                        r.files().size(),
                                        r.totalBytes() / 1e6,
                                        b ? " (with Java runtime)" : "");
                                err.flush();
                                return r;
                            });
            result.put(node, release);
        }
        return result;
    }

    /** The Java runtime releases carry, built once per JDK into the cache. */
    RuntimeImage runtimeImage() {
        var cache =
                Optional.ofNullable(environment.get("XDG_CACHE_HOME"))
                        .filter(s -> !s.isBlank())
                        .map(Path::of)
                        .orElse(home().resolve(".cache"))
                        .resolve("home-web-deploy");
        return new RuntimeImage(Path.of(System.getProperty("java.home")), cache);
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
