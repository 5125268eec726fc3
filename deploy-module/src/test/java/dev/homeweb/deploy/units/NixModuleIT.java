package dev.homeweb.deploy.units;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NixOS module (nix/module.nix), evaluated by nixpkgs' own module system beside stand-ins for
 * the NixOS options it sets (nix/tests/nixos-stand-ins.nix), against the units that the renderer
 * behind {@code ./deploy units} makes of the same settings: a change to the hardening, the command
 * line or the environment in one place only fails here.
 */
class NixModuleIT {
    /** The README's example (section "NixOS"): a public site with ACME certificates. */
    static final Map<String, Object> README_EXAMPLE =
            Map.of(
                    "baseUrl", "https://blog.example.org",
                    "siteTitle", "Example blog",
                    "discussEmail", "comments@example.org",
                    "https", "acme",
                    "acmeEmail", "you@example.org",
                    "redirectHosts", List.of("www.blog.example.org"));

    static final String CERTIFICATE_FILE = "/run/secrets/home-web/tls-certificate";
    static final String KEY_FILE = "/run/secrets/home-web/tls-key";

    @TempDir static Path state;
    static NixInstantiate nix;

    /** A test CA's root for acmeCaRoot / acme_ca_root (./deploy reads it, so it must exist). */
    static String caRoot;

    @BeforeAll
    static void findNix() throws Exception {
        nix = NixInstantiate.find(state);
        caRoot =
                write(
                                "ca-root.pem",
                                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
                        .toString();
    }

    record Case(String name, Map<String, Object> settings) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> sameSettings() {
        return Stream.of(
                new Case("the smallest configuration", Map.of()),
                new Case("the README's example", README_EXAMPLE),
                new Case(
                        "a created account, every address, own JVM options",
                        Map.of(
                                "user", "home-web",
                                "port", 9000,
                                "bind", "0.0.0.0",
                                "siteTitle", "Notes and more",
                                "jvmOptions", List.of("-Xmx1g", "-XX:TieredStopAtLevel=1"))),
                new Case("an existing account and group", Map.of("user", "blog", "group", "www")),
                new Case("every IPv6 address, plain HTTP", Map.of("bind", "::", "port", 9000)),
                new Case("localhost, plain HTTP", Map.of("bind", "localhost")),
                new Case(
                        "https acme with a test CA, staging, HSTS preload, a created account",
                        Map.of(
                                "baseUrl", "https://blog.example.org/",
                                "https", "acme",
                                "acmeEmail", "me@example.org",
                                "acmeDirectory",
                                        "https://acme-staging-v02.api.letsencrypt.org/directory",
                                "acmeCaRoot", caRoot,
                                "redirectHosts",
                                        List.of("www.blog.example.org", "blog.example.net"),
                                "hsts",
                                        Map.of(
                                                "maxAge", 63072000,
                                                "includeSubdomains", true,
                                                "preload", true),
                                "user", "home-web",
                                "bind", "::")),
                new Case(
                        "https secrets on a port of its own",
                        Map.of(
                                "baseUrl",
                                "https://blog.example.org",
                                "https",
                                "secrets",
                                "tlsCertificateFile",
                                CERTIFICATE_FILE,
                                "tlsKeyFile",
                                KEY_FILE,
                                "hsts",
                                Map.of("maxAge", 600, "includeSubdomains", true),
                                "port",
                                8081)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameSettings")
    void moduleUnitsMatchWhatDeployUnitsRendersKeyForKey(Case c) throws Exception {
        var module = nix.moduleJson(c.settings());

        assertThat(ModuleUnitDiff.all(render(c.settings()), module)).isEmpty();
    }

    @Test
    void theComparisonSeesAChangedHardeningKeyAndAChangedSetting() throws Exception {
        var module = nix.moduleJson(Map.of());
        module.getAsJsonObject("services")
                .getAsJsonObject("home-web")
                .getAsJsonObject("serviceConfig")
                .addProperty("ProtectHome", "read-only");

        assertThat(ModuleUnitDiff.all(render(Map.of("port", 9000)), module))
                .containsExactly(
                        "home-web.service [Service] ProtectHome: ./deploy units has [yes], the"
                                + " NixOS module has [read-only]",
                        "home-web.service [Service] Environment: ./deploy units has"
                                + " [HOME_WEB_BIND=127.0.0.1, HOME_WEB_PORT=9000,"
                                + " HOME_WEB_STATE_DIR=/var/lib/home-web-snapshot], the NixOS"
                                + " module has [HOME_WEB_BIND=127.0.0.1, HOME_WEB_PORT=8080,"
                                + " HOME_WEB_STATE_DIR=/var/lib/home-web-snapshot]",
                        "home-web-import.service [Service] Environment: ./deploy units has"
                                + " [HOME_WEB_BIND=127.0.0.1, HOME_WEB_PORT=9000], the NixOS module"
                                + " has [HOME_WEB_BIND=127.0.0.1, HOME_WEB_PORT=8080]",
                        "home-web-http.socket [Socket] ListenStream: ./deploy units has"
                                + " [127.0.0.1:9000], the NixOS module has [127.0.0.1:8080]");
    }

    @Test
    void theComparisonSeesAChangedSocketAndAMissingOne() throws Exception {
        var module = nix.moduleJson(README_EXAMPLE);
        var sockets = module.getAsJsonObject("sockets");
        sockets.getAsJsonObject("home-web-http")
                .getAsJsonObject("socketConfig")
                .addProperty("Backlog", "128");
        sockets.remove("home-web-https");

        assertThat(ModuleUnitDiff.all(render(README_EXAMPLE), module))
                .containsExactly(
                        "home-web-http.socket [Socket] Backlog: ./deploy units has [4096], the"
                                + " NixOS module has [128]",
                        "home-web-https.socket: ./deploy units has it, the NixOS module has no"
                                + " systemd.sockets.home-web-https");
    }

    @Test
    void httpsServerHoldsBothSocketsAndTheModuleListensOnNothingElse() throws Exception {
        var module = nix.moduleJson(README_EXAMPLE);
        var server = module.getAsJsonObject("services").getAsJsonObject("home-web");

        assertThat(module.getAsJsonObject("sockets").keySet())
                .containsExactly("home-web-http", "home-web-https");
        assertThat(strings(server, "requires"))
                .containsExactly(
                        "home-web-migrate.service",
                        "home-web-http.socket",
                        "home-web-https.socket");
        assertThat(server.get("stopIfChanged").getAsBoolean()).isFalse();
        assertThat(
                        server.getAsJsonObject("serviceConfig")
                                .get("CapabilityBoundingSet")
                                .getAsString())
                .isEmpty();
    }

    @Test
    void readmesFlakeExampleSetsWhatTheseTestsEvaluate() throws Exception {
        var readme = Files.readString(nix.root().resolve("README.md"));
        var example =
                readme.substring(
                        readme.indexOf("### A flake with deploy-rs and sops-nix"),
                        readme.indexOf("### The database URL as a secret"));

        README_EXAMPLE.forEach(
                (option, value) ->
                        assertThat(example)
                                .contains(
                                        option
                                                + " = "
                                                + (value instanceof List<?> list
                                                        ? "[ \"" + list.get(0) + "\" ]"
                                                        : "\"" + value + "\"")
                                                + ";"));
    }

    @Test
    void serverUnitWrittenFromTheModuleHasTheDeployToolsExposureAtMostTwo() throws Exception {
        var module = nix.moduleJson(README_EXAMPLE).getAsJsonObject("units");
        var nixUnit = write("nixos/home-web.service", module.get("home-web").getAsString());
        var deployUnit = write("deploy/home-web.service", text(render(README_EXAMPLE)));

        var exposure = SystemdAnalyzeTest.exposure(nixUnit);

        assertThat(exposure).isEqualTo(SystemdAnalyzeTest.exposure(deployUnit));
        assertThat(exposure).isLessThanOrEqualTo(2.0);
    }

    @Test
    void migrateRunsBeforeTheImportAndBothBeforeTheServer() throws Exception {
        var services = nix.moduleJson(Map.of()).getAsJsonObject("services");
        var server = services.getAsJsonObject("home-web");
        var importUnit = services.getAsJsonObject("home-web-import");

        assertThat(strings(server, "requires"))
                .containsExactly("home-web-migrate.service", "home-web-http.socket");
        assertThat(strings(server, "wants")).contains("home-web-import.service");
        assertThat(strings(server, "after"))
                .contains("home-web-migrate.service", "home-web-import.service");
        assertThat(strings(importUnit, "requires")).containsExactly("home-web-migrate.service");
        assertThat(strings(importUnit, "after")).contains("home-web-migrate.service");
        assertThat(strings(importUnit, "before")).containsExactly("home-web.service");
        assertThat(strings(services.getAsJsonObject("home-web-migrate"), "before"))
                .containsExactly("home-web.service");
        assertThat(strings(server, "wantedBy")).containsExactly("multi-user.target");
    }

    @Test
    void theDefaultNameCreatesItsUserAndGroupAndOtherNamesCreateNothing() throws Exception {
        var created = nix.moduleJson(Map.of("user", "home-web")).getAsJsonObject("users");
        var existing = nix.moduleJson(Map.of("user", "alice")).getAsJsonObject("users");
        var dynamic = nix.moduleJson(Map.of()).getAsJsonObject("users");

        assertThat(created.toString())
                .isEqualTo(
                        "{\"groups\":{\"home-web\":{\"gid\":null,\"members\":[]}},"
                                + "\"users\":{\"home-web\":{\"description\":\"home-web blog"
                                + " server\",\"group\":\"home-web\",\"isSystemUser\":true}}}");
        assertThat(existing.toString()).isEqualTo("{\"groups\":{},\"users\":{}}");
        assertThat(dynamic.toString()).isEqualTo("{\"groups\":{},\"users\":{}}");
    }

    @Test
    void openFirewallOpensThePortAndOnlyWhenAsked() throws Exception {
        var open = nix.moduleJson(Map.of("openFirewall", true, "bind", "::", "port", 9000));
        var closed = nix.moduleJson(Map.of("bind", "::", "port", 9000));

        assertThat(open.get("firewall").toString()).isEqualTo("[9000]");
        assertThat(closed.get("firewall").toString()).isEqualTo("[]");
    }

    @Test
    void openFirewallWithHttpsOpensEightyAndFourFortyThree() throws Exception {
        var settings = new LinkedHashMap<String, Object>(README_EXAMPLE);
        settings.put("openFirewall", true);

        assertThat(nix.moduleJson(settings).get("firewall").toString()).isEqualTo("[80,443]");
    }

    /** What {@code ./deploy units} renders for a node with these settings. */
    static List<UnitFile> render(Map<String, Object> settings) {
        return DeployUnitsOf.render(settings);
    }

    private static String text(List<UnitFile> rendered) {
        return UnitFileRendererTest.text(rendered, "home-web.service");
    }

    private static Path write(String name, String text) throws Exception {
        var file = state.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<String> strings(JsonObject service, String key) {
        return service.getAsJsonArray(key).asList().stream().map(e -> e.getAsString()).toList();
    }
}
