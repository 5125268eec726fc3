package dev.homeweb.deploy.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** The whole {@code deploy.yaml}: run settings and the nodes, in file order. */
public record DeployConfig(
        DeploySettings settings, Map<String, NodeConfig> nodes, SecretsConfig secrets) {
    private static final Set<String> TOP = Set.of("settings", "defaults", "nodes", "secrets");
    private static final Set<String> SETTINGS =
            Set.of(
                    "parallel",
                    "keep_releases",
                    "health_timeout",
                    "confirm_timeout",
                    "batch",
                    "max_failures",
                    "backups");
    private static final Set<String> NODE_COMMON =
            Set.of("ssh_port", "ssh_user", "sudo", "root", "service");
    private static final Set<String> SERVICE =
            Set.of(
                    "port",
                    "bind",
                    "user",
                    "group",
                    "base_url",
                    "site_title",
                    "discuss_email",
                    "jvm_options",
                    "java_home");

    public DeployConfig {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(secrets, "secrets");
        nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        if (nodes.isEmpty()) {
            throw new ConfigException("'nodes' is empty; declare at least one node");
        }
    }

    /** Reads and validates a config file; relative secret paths are relative to its folder. */
    public static DeployConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("deploy config " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("deploy config " + file + " cannot be read: " + e);
        }
        var base = file.toAbsolutePath().getParent();
        return parse(text, base);
    }

    /** Parses YAML text; {@code base} resolves relative file paths. */
    public static DeployConfig parse(String yamlText, Path base) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (YAMLException e) {
            throw new ConfigException("deploy config is not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigException("deploy config must be a mapping with a 'nodes' key");
        }
        var top = Section.root(map);
        top.requireOnly(TOP);
        var settings = top.section("settings").map(DeployConfig::settings);
        var defaults = top.section("defaults");
        defaults.ifPresent(d -> checkNodeKeys(d, false));
        var nodesSection =
                top.section("nodes").orElseThrow(() -> new ConfigException("'nodes' is missing"));
        var secrets =
                top.section("secrets")
                        .map(s -> SecretsConfig.parse(s, nodesSection.keys(), base))
                        .orElse(SecretsConfig.NONE);
        var nodes = new LinkedHashMap<String, NodeConfig>();
        for (var name : nodesSection.keys()) {
            var node =
                    nodesSection
                            .section(name)
                            .orElseThrow(
                                    () ->
                                            new ConfigException(
                                                    "'nodes."
                                                            + name
                                                            + "' is empty; it needs at least a"
                                                            + " hostname"));
            checkNodeKeys(node, true);
            nodes.put(name, node(name, node, defaults, secrets.forNode(name)));
        }
        return new DeployConfig(settings.orElse(DeploySettings.DEFAULTS), nodes, secrets);
    }

    /** The named nodes in config order, or all when none are named. */
    public List<NodeConfig> select(List<String> names) {
        if (names.isEmpty()) {
            return List.copyOf(nodes.values());
        }
        var out = new ArrayList<NodeConfig>();
        for (var name : names) {
            var node = nodes.get(name);
            if (node == null) {
                throw new ConfigException(
                        "no node '" + name + "' in the config; nodes: " + nodes.keySet());
            }
            out.add(node);
        }
        return out;
    }

    private static void checkNodeKeys(Section node, boolean allowHostname) {
        var known = new java.util.HashSet<>(NODE_COMMON);
        if (allowHostname) {
            known.add("hostname");
            known.add("age_recipient");
        }
        node.requireOnly(known);
        node.section("service").ifPresent(s -> s.requireOnly(SERVICE));
    }

    private static DeploySettings settings(Section s) {
        s.requireOnly(SETTINGS);
        var d = DeploySettings.DEFAULTS;
        return new DeploySettings(
                s.integer("parallel", 1, 64).orElse(d.parallel()),
                s.integer("keep_releases", 2, 1000).orElse(d.keepReleases()),
                s.duration("health_timeout").orElse(d.healthTimeout()),
                s.duration("confirm_timeout").orElse(d.confirmTimeout()),
                s.integer("batch", 1, 1000).orElse(d.batch()),
                s.integer("max_failures", 0, 1000).orElse(d.maxFailures()),
                s.integer("backups", 0, 1000).orElse(d.keepBackups()));
    }

    private static NodeConfig node(
            String name, Section node, Optional<Section> defaults, List<SecretFile> secrets) {
        var layered = new Layered(node, defaults);
        var hostname = node.requiredString("hostname");
        return new NodeConfig(
                name,
                hostname,
                layered.get(s -> s.integer("ssh_port", 1, 65535)).orElse(22),
                layered.get(s -> s.string("ssh_user")),
                layered.get(s -> s.bool("sudo")).orElse(true),
                layered.get(s -> s.string("root")).orElse("/var/lib/home-web"),
                service(layered),
                secrets,
                node.string("age_recipient"));
    }

    private static ServiceOptions service(Layered node) {
        var s = node.sub("service");
        var d = ServiceOptions.DEFAULTS;
        return new ServiceOptions(
                s.get(x -> x.integer("port", 1, 65535)).orElse(d.port()),
                s.get(x -> x.string("bind")).orElse(d.bind()),
                s.get(x -> x.string("user")).filter(u -> !u.equals("dynamic")),
                s.get(x -> x.string("group")),
                s.get(x -> x.string("base_url")),
                s.get(x -> x.string("site_title")),
                s.get(x -> x.string("discuss_email")),
                s.get(x -> x.strings("jvm_options")).orElse(d.jvmOptions()),
                s.get(x -> x.string("java_home")));
    }

    /** A node section over the defaults section: the node's own value wins. */
    private record Layered(Section own, Optional<Section> defaults) {
        Layered(Optional<Section> own, Optional<Section> defaults) {
            this(own.orElse(Section.root(Map.of())), defaults);
        }

        <T> Optional<T> get(java.util.function.Function<Section, Optional<T>> read) {
            var value = read.apply(own);
            return value.isPresent() ? value : defaults.flatMap(read);
        }

        Layered sub(String key) {
            return new Layered(own.section(key), defaults.flatMap(d -> d.section(key)));
        }
    }
}
