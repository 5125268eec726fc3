package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.ssh.RemoteHost;
import dev.homeweb.deploy.ssh.SshConnector;
import dev.homeweb.deploy.ssh.SshTarget;

/** Opens a fresh connection to a node; each call is a new SSH session. */
@FunctionalInterface
public interface NodeConnector {
    RemoteHost open(NodeConfig node);

    static NodeConnector ssh(SshConnector connector) {
        return node ->
                connector.connect(new SshTarget(node.hostname(), node.sshPort(), node.sshUser()));
    }
}
