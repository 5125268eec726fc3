package dev.homeweb.deploy.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One deploy target, like a deploy-rs node: how to reach it over SSH and how the service runs
 * there. {@code root} is the directory on the node that holds releases, the store and the lock.
 */
public record NodeConfig(
        String name,
        String hostname,
        int sshPort,
        Optional<String> sshUser,
        boolean sudo,
        String root,
        ServiceOptions service,
        List<SecretFile> secrets,
        Optional<String> ageRecipient) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._:-]*");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern ROOT = Pattern.compile("/[A-Za-z0-9._/-]*[A-Za-z0-9._-]");

    public NodeConfig {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(
                    "node name '" + name + "' must match [a-z0-9][a-z0-9-]* (it names files)");
        }
        Objects.requireNonNull(hostname, "hostname");
        if (!HOST.matcher(hostname).matches()) {
            throw new ConfigException(
                    "nodes." + name + ".hostname '" + hostname + "' is not a host name");
        }
        if (sshPort < 1 || sshPort > 65535) {
            throw new ConfigException(
                    "nodes." + name + ".ssh_port " + sshPort + " is outside 1-65535");
        }
        sshUser.ifPresent(
                user -> {
                    if (!USER.matcher(user).matches()) {
                        throw new ConfigException(
                                "nodes." + name + ".ssh_user '" + user + "' is not a user name");
                    }
                });
        Objects.requireNonNull(root, "root");
        if (!ROOT.matcher(root).matches() || root.contains("..")) {
            throw new ConfigException(
                    "nodes."
                            + name
                            + ".root '"
                            + root
                            + "' must be an absolute path without spaces or '..'");
        }
        Objects.requireNonNull(service, "service");
        secrets = List.copyOf(secrets);
        if (secrets.stream().noneMatch(s -> s.credential().equals(SecretFile.DATABASE_URL))) {
            throw new ConfigException(
                    "node '"
                            + name
                            + "' gets no secret named database-url; declare it under 'secrets'"
                            + " (and create it with ./deploy secrets set database-url)");
        }
        if (service.https().mode() == HttpsService.Mode.SECRETS) {
            requireServerSecret(
                    name, secrets, HttpsService.CERTIFICATE_SECRET, "the PEM certificate chain");
            requireServerSecret(name, secrets, HttpsService.KEY_SECRET, "the PEM private key");
        }
        Objects.requireNonNull(ageRecipient, "ageRecipient");
        ageRecipient.ifPresent(r -> AgeRecipient.require("nodes." + name + ".age_recipient", r));
    }

    /** With {@code https: secrets}, the server loads the chain and key as these credentials. */
    private static void requireServerSecret(
            String name, List<SecretFile> secrets, String secret, String what) {
        boolean delivered =
                secrets.stream()
                        .anyMatch(
                                s -> s.credential().equals(secret) && s.usedBy("home-web.service"));
        if (!delivered) {
            throw new ConfigException(
                    "node '"
                            + name
                            + "' has service https: secrets but gets no secret "
                            + secret
                            + " for home-web.service; declare it under 'secrets' ("
                            + secret
                            + ": {units: [home-web.service]}) and store "
                            + what
                            + " with ./deploy secrets set "
                            + secret
                            + " < FILE");
        }
    }

    /** The node's age recipient, or a message saying how to create it. */
    public String requireRecipient() {
        return ageRecipient.orElseThrow(
                () ->
                        new ConfigException(
                                "node '"
                                        + name
                                        + "' has no age_recipient; run ./deploy secrets init "
                                        + name));
    }

    /** Whether commands that change the node must go through {@code sudo -n}. */
    public boolean needsSudo() {
        return sudo && !sshUser.orElse("root").equals("root");
    }
}
