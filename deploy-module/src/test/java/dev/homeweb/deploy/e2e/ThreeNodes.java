package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Three booted nodes as one user's {@code deploy.yaml} lists them, in order, one at a time ({@code
 * settings.batch: 1}), reached with one SSH key and one known_hosts file, and sharing one database
 * URL secret (each node's own PostgreSQL, given the first node's password). The CLI runs through
 * the first node's {@link E2e}.
 */
final class ThreeNodes {
    final List<TargetHost> nodes;
    final List<String> names;
    final E2e e2e;
    final Path knownHosts;

    ThreeNodes(List<TargetHost> nodes, Path dir, List<String> names) throws Exception {
        this.nodes = List.copyOf(nodes);
        this.names = List.copyOf(names);
        var first = nodes.get(0);
        this.e2e = new E2e(first, dir, "");
        this.knownHosts = dir.resolve("known_hosts");
        var hosts = new StringBuilder();
        for (var node : nodes) {
            hosts.append(Files.readString(Path.of(node.get("TARGET_KNOWN_HOSTS"))));
            // On a busy machine a node's PostgreSQL may still be starting when sshd answers.
            node.ssh(
                    "for i in $(seq 120); do pg_isready -q -h 127.0.0.1 && exit 0; sleep 1; done;"
                            + " exit 1");
        }
        Files.writeString(knownHosts, hosts);
        var key = Files.readString(Path.of(first.get("TARGET_SSH_KEY") + ".pub")).strip();
        var url = E2e.databaseUrl(first);
        for (var node : nodes.subList(1, nodes.size())) {
            node.ssh("echo '" + key + "' >> /home/deploy/.ssh/authorized_keys");
            usePassword(node, E2e.password(url));
        }
        Files.writeString(e2e.config, config(adminRecipient(e2e.config)));
        for (var name : names) {
            var init = deploy(E2e.concat(List.of("secrets", "init", name), E2e.release()));
            assertThat(init.exitCode()).as(init.all()).isZero();
        }
        e2e.setSecret("database-url", url);
    }

    /** The CLI with the three nodes' config, key and known_hosts. */
    E2e.Run deploy(String... rest) {
        return e2e.run(e2e.argsWithKnownHosts(knownHosts, rest));
    }

    /** A deploy to all three that must succeed: its release. */
    String deployed(String... rest) {
        var run = deploy(rest);
        assertThat(run.exitCode()).as(run.all()).isZero();
        return E2e.release(run);
    }

    /**
     * The first deploy to the fresh nodes, tried up to five times while it fails (each try goes on
     * from the nodes the last one finished). Setup, not what the tests check: on a loaded shared
     * machine a fresh node's first migrate or first server start can miss the database pool's 2 s
     * timeout, and a first start has no saved site to serve meanwhile, so it exits and fails its
     * health check. Later starts serve the saved site and catch up.
     */
    String firstDeploy(String... rest) {
        E2e.Run run = deploy(rest);
        for (int attempt = 2; attempt <= 5 && run.exitCode() != 0; attempt++) {
            System.out.println("first deploy failed (exit " + run.exitCode() + "); try " + attempt);
            run = deploy(rest);
        }
        assertThat(run.exitCode()).as(run.all()).isZero();
        return E2e.release(run);
    }

    interface Deploy<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code deploy} while {@link RollingDeployIT#CLIENTS} readers read a post on each node;
     * asserts that every request on every node was answered 200.
     */
    <T> T whileReading(Deploy<T> deploy) throws Exception {
        var loads = new ArrayList<ReaderLoad>();
        var seen = new ArrayList<ReaderLoad.Summary>();
        T result;
        try {
            for (var node : nodes) {
                loads.add(
                        ReaderLoad.start(
                                node.get("TARGET_ADDRESS"),
                                8080,
                                "/blog/" + E2e.POST,
                                RollingDeployIT.CLIENTS,
                                RollingDeployIT.PAUSE_MILLIS));
            }
            for (var load : loads) {
                awaitAnswers(load, RollingDeployIT.CLIENTS * 10L);
            }
            result = deploy.run();
            // The readers go on until each node has settled: a restart's queue drains.
            for (var load : loads) {
                awaitAnswers(load, load.summary().ok() + RollingDeployIT.CLIENTS * 10L);
            }
        } finally {
            loads.forEach(load -> seen.add(load.stop()));
        }
        for (int i = 0; i < seen.size(); i++) {
            var what = "readers of " + names.get(i) + ": " + seen.get(i);
            System.out.println(what);
            assertThat(seen.get(i).failures()).as(what).isEmpty();
            assertThat(seen.get(i).failed()).as(what).isZero();
            assertThat(seen.get(i).ok()).as(what).isPositive();
        }
        return result;
    }

    /** Waits (up to a minute) until the readers had {@code answers} answers of 200. */
    private static void awaitAnswers(ReaderLoad load, long answers) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (load.summary().ok() < answers && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private String config(String admin) {
        var out = new StringBuilder();
        out.append(
                """
                settings:
                  batch: 1
                  health_timeout: 60s
                  confirm_timeout: 75s
                secrets:
                  admins: [%s]
                  database-url: {}
                nodes:
                """
                        .formatted(admin));
        for (int i = 0; i < nodes.size(); i++) {
            out.append(
                    """
                      %s:
                        hostname: %s
                        ssh_user: deploy
                        service:
                          site_title: E2E blog
                          bind: 0.0.0.0
                          jvm_options: [-Xmx192m, -XX:+UseSerialGC, -XX:TieredStopAtLevel=1]
                    """
                            .formatted(names.get(i), nodes.get(i).get("TARGET_ADDRESS")));
        }
        return out.toString();
    }

    private static String adminRecipient(Path config) throws IOException {
        var m = Pattern.compile("admins: \\[([^\\]]+)]").matcher(Files.readString(config));
        if (!m.find()) {
            throw new IllegalStateException("no admin recipient in " + config);
        }
        return m.group(1);
    }

    /**
     * Gives the node's role {@code homeweb} this password, through a root-only file on the node
     * (never in a command line).
     */
    private static void usePassword(TargetHost node, String password) throws Exception {
        var file = node.root().resolve("root/homeweb-password.sql");
        Files.writeString(
                Files.createFile(
                        file,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------"))),
                "ALTER ROLE homeweb PASSWORD '" + password + "';\n");
        node.ssh(
                "cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1"
                        + " < /root/homeweb-password.sql; rc=$?; rm -f /root/homeweb-password.sql;"
                        + " exit $rc");
    }
}
