package dev.homeweb.deploy.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the deployer authenticates and checks host keys, like OpenSSH: {@code ~/.ssh/known_hosts}
 * strictly, {@code ~/.ssh/config}, the agent at {@code $SSH_AUTH_SOCK}, and the usual key files.
 * {@code acceptNewHostKeys} is trust-on-first-use for unknown hosts; a changed key is always
 * refused.
 */
public record SshSettings(
        Path knownHosts,
        Optional<Path> config,
        Optional<Path> agentSocket,
        List<Path> identities,
        boolean acceptNewHostKeys,
        Duration connectTimeout) {

    public SshSettings {
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(agentSocket, "agentSocket");
        identities = List.copyOf(identities);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** The defaults of a user's OpenSSH setup, from {@code HOME} and {@code SSH_AUTH_SOCK}. */
    public static SshSettings fromEnvironment(Map<String, String> env, Path home) {
        var ssh = home.resolve(".ssh");
        var config = Optional.of(ssh.resolve("config")).filter(Files::isRegularFile);
        var agent =
                Optional.ofNullable(env.get("SSH_AUTH_SOCK"))
                        .filter(s -> !s.isBlank())
                        .map(Path::of)
                        .filter(Files::exists);
        var identities =
                List.of("id_ed25519", "id_ecdsa", "id_rsa").stream()
                        .map(ssh::resolve)
                        .filter(Files::isRegularFile)
                        .toList();
        return new SshSettings(
                ssh.resolve("known_hosts"),
                config,
                agent,
                identities,
                false,
                Duration.ofSeconds(15));
    }

    public SshSettings withIdentity(Path key) {
        return new SshSettings(
                knownHosts, config, agentSocket, List.of(key), acceptNewHostKeys, connectTimeout);
    }

    public SshSettings withKnownHosts(Path file) {
        return new SshSettings(
                file, config, agentSocket, identities, acceptNewHostKeys, connectTimeout);
    }

    public SshSettings acceptingNewHostKeys(boolean accept) {
        return new SshSettings(knownHosts, config, agentSocket, identities, accept, connectTimeout);
    }
}
