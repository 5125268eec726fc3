package dev.homeweb.deploy.units;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.homeweb.deploy.config.NodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /** The README's example (section "NixOS"). */
    static final Map<String, Object> README_EXAMPLE =
            Map.of(
                    "baseUrl", "https://blog.example.org",
                    "siteTitle", "Example blog",
                    "discussEmail", "comments@example.org");

    /** The module's option names and the deploy.yaml {@code service:} keys they mirror. */
    private static final Map<String, String> YAML_KEYS =
            Map.of(
                    "port", "port",
                    "bind", "bind",
                    "user", "user",
                    "group", "group",
                    "baseUrl", "base_url",
                    "siteTitle", "site_title",
                    "discussEmail", "discuss_email",
                    "jvmOptions", "jvm_options");

    /** A unit the renderer writes, the module's service for it, and whether descriptions match. */
    private record Pair(String rendered, String module, boolean sameDescription) {}

    private static final List<Pair> UNITS =
            List.of(
                    new Pair("home-web.service", "home-web", true),
                    // The deploy tool's one-shots speak of releases; the module has none.
                    new Pair("home-web-migrate@.service", "home-web-migrate", false),
                    new Pair("home-web-import.service", "home-web-import", false));

    @TempDir static Path state;
    static NixInstantiate nix;

    @BeforeAll
    static void findNix() {
        nix = NixInstantiate.find(state);
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
                new Case("an existing account and group", Map.of("user", "blog", "group", "www")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameSettings")
    void moduleUnitsMatchWhatDeployUnitsRendersKeyForKey(Case c) throws Exception {
        var services = nix.moduleJson(c.settings()).getAsJsonObject("services");

        assertThat(differences(render(c.settings()), services)).isEmpty();
    }

    @Test
    void theComparisonSeesAChangedHardeningKeyAndAChangedSetting() throws Exception {
        var services = nix.moduleJson(Map.of()).getAsJsonObject("services");
        services.getAsJsonObject("home-web")
                .getAsJsonObject("serviceConfig")
                .addProperty("ProtectHome", "read-only");

        assertThat(differences(render(Map.of("port", 9000)), services))
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
                                + " has [HOME_WEB_BIND=127.0.0.1, HOME_WEB_PORT=8080]");
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

        assertThat(strings(server, "requires")).containsExactly("home-web-migrate.service");
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

    /** Every difference of the three unit pairs, each prefixed with its unit. */
    private static List<String> differences(List<UnitFile> rendered, JsonObject services) {
        var all = new ArrayList<String>();
        for (var unit : UNITS) {
            var text = UnitSections.parse(UnitFileRendererTest.text(rendered, unit.rendered()));
            var module = services.getAsJsonObject(unit.module());
            for (var difference : ModuleUnitDiff.between(text, module, unit.sameDescription())) {
                all.add(unit.rendered() + " " + difference);
            }
        }
        return all;
    }

    /** What {@code ./deploy units} renders for a node with these settings and the same secret. */
    static List<UnitFile> render(Map<String, Object> settings) {
        var service = new LinkedHashMap<String, Object>();
        settings.forEach((option, value) -> service.put(YAML_KEYS.get(option), value));
        NodeConfig node =
                UnitFileRendererTest.node(
                        "hostname: h\nservice: " + new Gson().toJson(service) + "\n",
                        "{database-url: {path: " + NixInstantiate.DATABASE_URL_FILE + "}}");
        return UnitFileRendererTest.render(node);
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
