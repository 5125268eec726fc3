package dev.homeweb.deploy.units;

import com.google.gson.Gson;
import dev.homeweb.deploy.config.DeployConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./deploy units} renders for a node whose {@code deploy.yaml} says what the given
 * {@code services.home-web} settings of the NixOS module say: each option under its {@code
 * service:} key in snake case, {@code hsts.*} as the three {@code hsts_*} keys, and the module's
 * files of secrets as the {@code path:} of the secrets {@code ./deploy} delivers (database-url, and
 * with {@code https: secrets} tls-certificate and tls-key for the server).
 */
final class DeployUnitsOf {
    /**
     * The module's options that are deploy.yaml {@code service:} keys, by the same name in snake
     * case ({@code acmeCaRoot} is {@code acme_ca_root}).
     */
    private static final Set<String> SERVICE_KEYS =
            Set.of(
                    "port",
                    "bind",
                    "user",
                    "group",
                    "baseUrl",
                    "siteTitle",
                    "discussEmail",
                    "jvmOptions",
                    "https",
                    "acmeEmail",
                    "acmeDirectory",
                    "acmeCaRoot",
                    "redirectHosts");

    /**
     * The module's secret files and the secrets ./deploy delivers to the server instead, in the
     * order the README declares them (the order of their {@code LoadCredential=} lines).
     */
    private static final List<Map.Entry<String, String>> SERVER_SECRETS =
            List.of(
                    Map.entry("tlsCertificateFile", "tls-certificate"),
                    Map.entry("tlsKeyFile", "tls-key"));

    /**
     * Options with no deploy.yaml key: NixOS's firewall (./deploy leaves the node's alone) and the
     * files above.
     */
    private static final Set<String> MODULE_ONLY =
            Set.of("openFirewall", "tlsCertificateFile", "tlsKeyFile");

    private DeployUnitsOf() {}

    static List<UnitFile> render(Map<String, ?> settings) {
        var service = new LinkedHashMap<String, Object>();
        var secrets = new LinkedHashMap<String, Object>();
        secrets.put("database-url", Map.of("path", NixInstantiate.DATABASE_URL_FILE));
        settings.forEach(
                (option, value) -> {
                    if (option.equals("hsts")) {
                        ((Map<?, ?>) value)
                                .forEach((k, v) -> service.put("hsts_" + snakeCase((String) k), v));
                    } else if (SERVICE_KEYS.contains(option)) {
                        service.put(snakeCase(option), value);
                    } else if (!MODULE_ONLY.contains(option)) {
                        throw new IllegalArgumentException("no deploy.yaml key for " + option);
                    }
                });
        for (var secret : SERVER_SECRETS) {
            if (settings.containsKey(secret.getKey())) {
                secrets.put(
                        secret.getValue(),
                        Map.of(
                                "path",
                                settings.get(secret.getKey()),
                                "units",
                                List.of(NodeLayout.SERVICE)));
            }
        }
        var gson = new Gson();
        var node =
                DeployConfig.parse(
                                "secrets: "
                                        + gson.toJson(secrets)
                                        + "\nnodes:\n  blog:\n    hostname: h\n    service: "
                                        + gson.toJson(service)
                                        + "\n",
                                Path.of("/repo"))
                        .nodes()
                        .get("blog");
        return UnitFileRendererTest.render(node);
    }

    private static String snakeCase(String option) {
        return option.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
