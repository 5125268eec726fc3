package dev.homeweb.deploy.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.SSHAgentConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Objects;

/** Opens SSH sessions with JSch, configured like OpenSSH from {@link SshSettings}. */
public final class SshConnector {
    private final SshSettings settings;

    public SshConnector(SshSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Connects and authenticates, or throws {@link SshFailure} saying why not. */
    public RemoteHost connect(SshTarget target) {
        var jsch = new JSch();
        try {
            configure(jsch);
            var session = jsch.getSession(target.user().orElse(null), target.host(), target.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setServerAliveInterval(5_000);
            session.setServerAliveCountMax(3);
            session.connect((int) settings.connectTimeout().toMillis());
            return new JschRemoteHost(session, target);
        } catch (JSchChangedHostKeyException e) {
            throw new SshFailure(
                    "host key of "
                            + target
                            + " has CHANGED (not the one in "
                            + settings.knownHosts()
                            + "); refusing to connect. If the node was rebuilt, remove the old key"
                            + " with ssh-keygen -R and check the new fingerprint out of band",
                    true,
                    e);
        } catch (JSchHostKeyException e) {
            throw new SshFailure(
                    "host key of "
                            + target
                            + " is not in "
                            + settings.knownHosts()
                            + "; add it (ssh-keyscan, checked out of band) or pass"
                            + " --accept-new-host-key to trust it on first use",
                    true,
                    e);
        } catch (JSchException e) {
            throw new SshFailure("cannot connect to " + target + ": " + e.getMessage(), false, e);
        }
    }

    private void configure(JSch jsch) throws JSchException {
        if (settings.config().isPresent()) {
            try {
                jsch.setConfigRepository(
                        OpenSSHConfig.parseFile(settings.config().get().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + settings.config().get(), e);
            }
        }
        if (Files.exists(settings.knownHosts())) {
            jsch.setKnownHosts(settings.knownHosts().toString());
        }
        jsch.setHostKeyRepository(
                new KnownHostsPolicy(
                        jsch.getHostKeyRepository(),
                        settings.knownHosts(),
                        settings.acceptNewHostKeys()));
        if (settings.agentSocket().isPresent() && settings.identities().isEmpty()) {
            try {
                jsch.setIdentityRepository(
                        new AgentIdentityRepository(
                                new SSHAgentConnector(settings.agentSocket().get())));
            } catch (AgentProxyException e) {
                throw new JSchException("ssh-agent: " + e.getMessage(), e);
            }
        }
        for (var identity : settings.identities()) {
            jsch.addIdentity(identity.toString());
        }
    }
}
