package dev.homeweb.deploy.secrets;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.ssh.ExecResult;
import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import dev.homeweb.node.secrets.SealedSecret;
import dev.homeweb.node.secrets.SecretChange;
import dev.homeweb.node.secrets.SecretsAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a release's secrets agent on its node as root: {@code JAVA -cp RELEASE/lib/home-web-node.jar
 * dev.homeweb.node.secrets.SecretsAgent}. Ciphertexts go on the agent's stdin; only names and
 * hashes come back.
 */
public final class NodeAgent {
    /** Where the agent jar sits inside a release. */
    public static final String JAR = "lib/home-web-node.jar";

    private static final String MAIN = SecretsAgent.class.getName();
    private static final String JVM = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m";

    private final NodeShell shell;
    private final String command;
    private final String node;

    /**
     * @param java the java binary on the node (the release's runtime or the node's own)
     * @param releaseDir the release directory on the node holding {@link #JAR}
     */
    public NodeAgent(NodeShell shell, String java, String releaseDir, String node) {
        this.shell = shell;
        this.command = java + " " + JVM + " -cp " + releaseDir + "/" + JAR + " " + MAIN;
        this.node = node;
    }

    /** The agent of release {@code releaseId}, run with that release's Java (or the node's). */
    public static NodeAgent forRelease(
            NodeShell shell, NodeConfig node, NodeLayout layout, String releaseId) {
        var dir = layout.release(releaseId);
        var java =
                node.service()
                        .javaHome()
                        .map(h -> h + "/bin/java")
                        .orElse(dir + "/runtime/bin/java");
        return new NodeAgent(shell, java, dir, node.name());
    }

    /** Creates the node's identity unless it has one; returns its recipient. */
    public String init() {
        var result = shell.run("exec " + command + " init --node " + node + "\n");
        if (!result.ok()) {
            throw new SecretsRejected(message(result));
        }
        return result.stdout()
                .lines()
                .filter(l -> l.startsWith("recipient "))
                .map(l -> l.substring("recipient ".length()).strip())
                .findFirst()
                .orElseThrow(() -> new SecretsRejected("the agent printed no recipient"));
    }

    /** What {@link #apply} would change, changing nothing. */
    public List<SecretChange> check(List<SealedSecret> secrets) {
        return run("check", secrets);
    }

    /** Decrypts every secret, then installs the changed ones and removes the unlisted. */
    public List<SecretChange> apply(List<SealedSecret> secrets) {
        return run("apply", secrets);
    }

    private List<SecretChange> run(String verb, List<SealedSecret> secrets) {
        ExecResult result =
                shell.runWithInput(
                        "exec " + command + " " + verb + " --node " + node,
                        out -> {
                            for (var secret : secrets) {
                                secret.writeTo(out);
                            }
                        });
        if (!result.ok()) {
            throw new SecretsRejected(message(result));
        }
        var changes = new ArrayList<SecretChange>();
        result.stdout()
                .lines()
                .map(SecretChange::parse)
                .flatMap(Optional::stream)
                .forEach(changes::add);
        return changes;
    }

    private String message(ExecResult result) {
        var text = result.stderr().strip();
        return text.isEmpty()
                ? "the secrets agent on node '" + node + "' exited " + result.exitCode()
                : String.join("; ", text.lines().map(String::strip).toList());
    }

    /** The agent refused (a secret it cannot decrypt, no identity): nothing was changed. */
    public static final class SecretsRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretsRejected(String message) {
            super(message);
        }
    }
}
