package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.lock.LockHolder;
import dev.homeweb.deploy.lock.NodeLock;
import dev.homeweb.deploy.release.Release;
import dev.homeweb.deploy.release.ReleaseUploader;
import dev.homeweb.deploy.secrets.NodeAgent;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code deploy secrets init NODE}: the node creates its own age identity. The release is uploaded
 * first (not switched to) because the code that generates the key is the release's agent; the
 * private key never leaves the node.
 */
public final class SecretsInit {
    private final NodeConnector connector;
    private final Clock clock;

    public SecretsInit(NodeConnector connector, Clock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    /** Returns the node's recipient, creating its identity if it has none. */
    public String init(NodeConfig node, Release release, List<String> migrations, LockHolder me) {
        var layout = new NodeLayout(node.root());
        try (var host = connector.open(node)) {
            if (node.needsSudo() && !host.exec("sudo -n true").ok()) {
                throw new IllegalArgumentException(
                        "sudo -n does not work for " + host.description());
            }
            var shell = new NodeShell(host, node.needsSudo());
            var lock = new NodeLock(shell, layout, clock);
            lock.acquire(me, Duration.ZERO);
            try {
                new ReleaseUploader(shell, layout).upload(release, migrations);
                return NodeAgent.forRelease(shell, node, layout, release.id()).init();
            } finally {
                lock.release(me);
            }
        }
    }
}
