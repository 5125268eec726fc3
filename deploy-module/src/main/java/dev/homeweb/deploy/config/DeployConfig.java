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
                    "java_home",
                    "https",
                    "acme_email",
                    "acme_directory",
                    "acme_ca_root",
                    "redirect_hosts",
                    "hsts_max_age",
                    "hsts_include_subdomains",
                    "hsts_preload");

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
            nodes.put(name, node(name, node, defaults, secrets.forNode(name), base));
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
            String name,
            Section node,
            Optional<Section> defaults,
            List<SecretFile> secrets,
            Path base) {
        var layered = new Layered(node, defaults);
        var hostname = node.requiredString("hostname");
        return new NodeConfig(
                name,
                hostname,
                layered.get(s -> s.integer("ssh_port", 1, 65535)).orElse(22),
                layered.get(s -> s.string("ssh_user")),
                layered.get(s -> s.bool("sudo")).orElse(true),
                layered.get(s -> s.string("root")).orElse("/var/lib/home-web"),
                serviceOf(name, layered, base),
                secrets,
                node.string("age_recipient"));
    }

    /** The node's service options; a check of their combination names the node. */
    private static ServiceOptions serviceOf(String name, Layered node, Path base) {
        try {
            return service(node, base);
        } catch (ConfigException e) {
            if (e.getMessage().startsWith("service ")) {
                throw new ConfigException("node '" + name + "': " + e.getMessage());
            }
            throw e;
        }
    }

    private static ServiceOptions service(Layered node, Path base) {
        var s = node.sub("service");
        var d = ServiceOptions.DEFAULTS;
        var https = https(s, base);
        return new ServiceOptions(
                s.get(x -> x.integer("port", 1, 65535))
                        .orElse(https.enabled() ? ServiceOptions.HTTPS_MODE_PORT : d.port()),
                s.get(x -> x.string("bind"))
                        .orElse(https.enabled() ? ServiceOptions.HTTPS_MODE_BIND : d.bind()),
                s.get(x -> x.string("user")).filter(u -> !u.equals("dynamic")),
                s.get(x -> x.string("group")),
                s.get(x -> x.string("base_url")),
                s.get(x -> x.string("site_title")),
                s.get(x -> x.string("discuss_email")),
                s.get(x -> x.strings("jvm_options")).orElse(d.jvmOptions()),
                s.get(x -> x.string("java_home")),
                https);
    }

    private static HttpsService https(Layered s, Path base) {
        var d = HttpsService.OFF;
        var mode =
                s.get(x -> x.word("https").map(w -> HttpsService.Mode.parse(x.path("https"), w)))
                        .orElse(d.mode());
        return new HttpsService(
                mode,
                s.get(x -> x.string("acme_email")),
                s.get(x -> x.string("acme_directory").map(u -> uri(x.path("acme_directory"), u)))
                        .orElse(d.acmeDirectory()),
                s.get(x -> x.string("acme_ca_root").map(f -> caRoot(x, base.resolve(f)))),
                s.get(x -> x.strings("redirect_hosts")).orElse(List.of()).stream()
                        .map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
                        .toList(),
                new HttpsService.Hsts(
                        s.get(x -> x.integer("hsts_max_age", 0, Integer.MAX_VALUE))
                                .map(Integer::longValue)
                                .orElse(d.hsts().maxAgeSeconds()),
                        s.get(x -> x.bool("hsts_include_subdomains")).orElse(false),
                        s.get(x -> x.bool("hsts_preload")).orElse(false)));
    }

    private static java.net.URI uri(String key, String value) {
        try {
            return new java.net.URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(
                    "'"
                            + key
                            + "' is '"
                            + value
                            + "', not a URL such as "
                            + HttpsService.LETS_ENCRYPT);
        }
    }

    /** The CA root is read now: a missing file fails before any connection. */
    private static HttpsService.CaRoot caRoot(Section service, Path file) {
        try {
            return new HttpsService.CaRoot(file, Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException(
                    "'"
                            + service.path("acme_ca_root")
                            + "' file "
                            + file
                            + " cannot be read: "
                            + e);
        }
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
