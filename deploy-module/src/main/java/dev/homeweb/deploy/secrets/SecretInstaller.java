package dev.homeweb.deploy.secrets;

import dev.homeweb.deploy.ssh.NodeShell;
import dev.homeweb.deploy.units.NodeLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers secrets into the node's root-only credential store ({@code /etc/credstore/home-web},
 * 0700, files 0400 root:root), outside every release. The value travels only on the SSH channel's
 * stdin into {@code cat}; it is never in argv, the environment or a message. Systemd hands it to
 * the units with {@code LoadCredential=}.
 */
public final class SecretInstaller {
    private final NodeShell shell;

    public SecretInstaller(NodeShell shell) {
        this.shell = shell;
    }

    /** The names of the secrets whose value on the node differs from {@code secrets}. */
    public List<String> changed(List<Secret> secrets) {
        var changed = new ArrayList<String>();
        for (var secret : secrets) {
            var path = NodeLayout.credential(secret.credential());
            var result =
                    shell.run("if [ -f " + path + " ]; then sha256sum < " + path + "; fi\n")
                            .orThrow("reading the hash of secret " + secret.credential());
            var remote = result.stdout().strip().split("\\s+")[0];
            if (!remote.equals(secret.sha256())) {
                changed.add(secret.credential());
            }
        }
        return changed;
    }

    /** Installs the secrets that changed; returns their names. */
    public List<String> install(List<Secret> secrets) {
        var changed = changed(secrets);
        for (var secret : secrets) {
            if (!changed.contains(secret.credential())) {
                continue;
            }
            var path = NodeLayout.credential(secret.credential());
            var script =
                    "umask 077; mkdir -p "
                            + NodeLayout.CREDSTORE
                            + "; chmod 0700 /etc/credstore "
                            + NodeLayout.CREDSTORE
                            + "; tmp=$(mktemp "
                            + NodeLayout.CREDSTORE
                            + "/.incoming.XXXXXX); cat > \"$tmp\"; chown root:root \"$tmp\";"
                            + " chmod 0400 \"$tmp\"; mv -f \"$tmp\" "
                            + path;
            var value = secret.value();
            shell.runWithInput(script, out -> out.write(value))
                    .orThrow("installing secret " + secret.credential());
        }
        return changed;
    }
}
