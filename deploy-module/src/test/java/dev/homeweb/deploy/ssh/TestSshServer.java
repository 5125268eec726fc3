package dev.homeweb.deploy.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * An in-process SSH server (Apache MINA SSHD) on a free loopback port that runs exec requests with
 * {@code /bin/sh -c} as the current user, plus a client key and a known_hosts file that trusts it.
 */
public final class TestSshServer implements AutoCloseable {
    private final SshServer server;
    final Path dir;
    final Path clientKey;
    final Path knownHosts;

    private TestSshServer(SshServer server, Path dir, Path clientKey, Path knownHosts) {
        this.server = server;
        this.dir = dir;
        this.clientKey = clientKey;
        this.knownHosts = knownHosts;
    }

    public static TestSshServer start(Path dir) throws IOException, GeneralSecurityException {
        var server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        var hostKeys = new SimpleGeneratorHostKeyProvider(dir.resolve("host-key"));
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKeys.setKeySize(256);
        server.setKeyPairProvider(hostKeys);
        server.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
        server.setCommandFactory((channel, command) -> new ShellCommand(command));
        server.start();
        var clientKey = dir.resolve("client-key");
        try {
            var pair = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
            var out = new ByteArrayOutputStream();
            pair.writePrivateKey(out);
            Files.write(clientKey, out.toByteArray());
        } catch (com.jcraft.jsch.JSchException e) {
            throw new GeneralSecurityException(e);
        }
        var knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, knownHostsLine(server, hostKeys));
        return new TestSshServer(server, dir, clientKey, knownHosts);
    }

    private static String knownHostsLine(SshServer server, KeyPairProvider keys)
            throws IOException, GeneralSecurityException {
        var key = keys.loadKeys(null).iterator().next().getPublic();
        return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(key) + "\n";
    }

    int port() {
        return server.getPort();
    }

    SshTarget target() {
        return new SshTarget("127.0.0.1", port(), Optional.of("tester"));
    }

    SshSettings settings() {
        return new SshSettings(
                knownHosts,
                Optional.empty(),
                Optional.empty(),
                List.of(clientKey),
                false,
                Duration.ofSeconds(10));
    }

    public RemoteHost connect() {
        return new SshConnector(settings()).connect(target());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
