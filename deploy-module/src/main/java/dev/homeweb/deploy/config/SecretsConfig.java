package dev.homeweb.deploy.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code secrets} section: the administrators' age recipients and every secret, each encrypted
 * to the recipients of the nodes that get it plus the administrators'.
 */
public record SecretsConfig(List<String> admins, List<SecretFile> secrets) {
    static final SecretsConfig NONE = new SecretsConfig(List.of(), List.of());

    private static final Set<String> SECRET_KEYS =
            Set.of("file", "nodes", "units", "owner", "group", "mode", "path");

    public SecretsConfig {
        admins = List.copyOf(admins);
        secrets = List.copyOf(secrets);
    }

    /** The secret named {@code name}, or an error listing the declared ones. */
    public SecretFile secret(String name) {
        return secrets.stream()
                .filter(s -> s.credential().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new ConfigException(
                                        "no secret '"
                                                + name
                                                + "' under 'secrets' in the config; declared: "
                                                + secrets.stream()
                                                        .map(SecretFile::credential)
                                                        .toList()));
    }

    /** The secrets node {@code name} gets. */
    public List<SecretFile> forNode(String name) {
        return secrets.stream()
                .filter(s -> s.nodes().isEmpty() || s.nodes().contains(name))
                .toList();
    }

    static SecretsConfig parse(Section section, Set<String> nodeNames, Path base) {
        var admins = new ArrayList<String>();
        section.strings("admins")
                .orElse(List.of())
                .forEach(r -> admins.add(AgeRecipient.require(section.path("admins"), r)));
        var secrets = new ArrayList<SecretFile>();
        for (var name : section.keys()) {
            if (name.equals("admins")) {
                continue;
            }
            var s = section.section(name).orElse(new Section(section.path(name), Map.of()));
            s.requireOnly(SECRET_KEYS);
            var nodes = s.strings("nodes").orElse(List.of());
            for (var node : nodes) {
                if (!nodeNames.contains(node)) {
                    throw new ConfigException(
                            "'"
                                    + s.path("nodes")
                                    + "' names node '"
                                    + node
                                    + "', which is not under 'nodes'; nodes: "
                                    + nodeNames);
                }
            }
            secrets.add(
                    new SecretFile(
                            name,
                            base.resolve(s.string("file").orElse("secrets/" + name + ".age")),
                            nodes,
                            s.strings("units").orElse(SecretFile.HOME_WEB_UNITS),
                            s.string("owner").orElse("root"),
                            s.string("group").orElse("root"),
                            s.quotedString("mode", "\"0440\"").orElse("0400"),
                            Optional.ofNullable(s.string("path").orElse(null))));
        }
        return new SecretsConfig(admins, secrets);
    }
}
