package dev.homeweb.deploy.units;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the NixOS module refuses (type errors and assertions, each naming the option), its
 * prebuilt-jar form, and the flake around it, evaluated with nixpkgs' module system.
 */
class NixModuleOptionsIT {
    @TempDir static Path state;
    static NixInstantiate nix;

    @BeforeAll
    static void findNix() {
        nix = NixInstantiate.find(state);
    }

    record Refused(String name, Map<String, ?> homeWeb, Map<String, ?> others, String... says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refused> refusals() {
        var withNull = new HashMap<String, Object>();
        withNull.put("databaseUrlFile", null);
        return Stream.of(
                new Refused(
                        "a port of 99999",
                        Map.of("port", 99999),
                        Map.of(),
                        "A definition for option `services.home-web.port' is not of type `16 bit"
                                + " unsigned integer",
                        "99999"),
                new Refused(
                        "no databaseUrlFile",
                        withNull,
                        Map.of(),
                        "Failed assertions:",
                        "- services.home-web.databaseUrlFile must be set"),
                new Refused(
                        "a databaseUrlFile in the Nix store",
                        Map.of(
                                "databaseUrlFile",
                                "/nix/store/00000000000000000000000000000000-database-url"),
                        Map.of(),
                        "- services.home-web.databaseUrlFile ="
                                + " /nix/store/00000000000000000000000000000000-database-url is in"
                                + " the Nix store"),
                new Refused(
                        "PostgreSQL's port",
                        Map.of("port", 5432),
                        Map.of("postgresql", Map.of("enable", true)),
                        "- services.home-web.port = 5432 is also"
                                + " services.postgresql.settings.port; pick another port."),
                new Refused(
                        "one of SSH's ports",
                        Map.of("port", 2222),
                        Map.of("openssh", Map.of("enable", true, "ports", List.of(22, 2222))),
                        "- services.home-web.port = 2222 is also services.openssh.ports"),
                new Refused(
                        "a bind that is not an address",
                        Map.of("bind", "0.0.0.0 -Dx=y"),
                        Map.of(),
                        "A definition for option `services.home-web.bind' is not of type"),
                new Refused(
                        "a JVM option without its dash",
                        Map.of("jvmOptions", List.of("Xmx1g")),
                        Map.of(),
                        "A definition for option `services.home-web.jvmOptions.",
                        "Xmx1g"),
                new Refused(
                        "a group without a user",
                        Map.of("group", "www"),
                        Map.of(),
                        "- services.home-web.group is set but services.home-web.user is not"),
                new Refused(
                        "an open firewall for a loopback server",
                        Map.of("openFirewall", true),
                        Map.of(),
                        "- services.home-web.openFirewall opens port 8080, but"
                                + " services.home-web.bind = 127.0.0.1 listens on loopback only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badSettingsFailTheEvaluationNamingTheOption(Refused refused) throws Exception {
        var result = nix.module(refused.homeWeb(), refused.others(), false);

        assertThat(result.exitCode()).as(result.stdout()).isNotZero();
        // nix indents the continuation lines of a message; the fragments are one line each.
        assertThat(result.stderr().replaceAll("\n\\s+", "\n"))
                .contains(Arrays.asList(refused.says()));
    }

    @Test
    void aPrebuiltJarRunsWithItsJdkAndNeedsAContentDir() throws Exception {
        var withContent =
                JsonParser.parseString(
                                nix.module(
                                                Map.of("contentDir", "/srv/home-web/content"),
                                                Map.of(),
                                                true)
                                        .stdout())
                        .getAsJsonObject()
                        .getAsJsonObject("services");
        var withoutContent = nix.module(Map.of(), Map.of(), true);

        var server = withContent.getAsJsonObject("home-web").getAsJsonObject("serviceConfig");
        assertThat(server.get("ExecStart").getAsString())
                .isEqualTo(
                        "/nix/store/00000000000000000000000000000000-openjdk-headless-17.0.15+6"
                                + "/bin/java -XX:-UsePerfData -Xmx48m -Xmn12m -XX:+UseSerialGC"
                                + " -jar /opt/home-web/home-web.jar serve");
        assertThat(server.get("WorkingDirectory").getAsString()).isEqualTo("/opt/home-web");
        assertThat(
                        withContent
                                .getAsJsonObject("home-web-import")
                                .getAsJsonObject("serviceConfig")
                                .get("ExecStart")
                                .getAsString())
                .endsWith(
                        " -jar /opt/home-web/home-web.jar import --content /srv/home-web/content");
        assertThat(withoutContent.stderr())
                .contains("services.home-web.contentDir must be set: services.home-web.package");
    }

    @Test
    void flakeParses() throws Exception {
        var result = nix.parse("flake.nix");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @Test
    void flakeOutputsHaveTheDocumentedNamesAndTheModuleRunsTheFlakesPackage() throws Exception {
        var outputs = nix.evalJson("flake-outputs.nix").getAsJsonObject();

        assertThat(outputs.get("inputs").toString()).isEqualTo("[\"nixpkgs\"]");
        assertThat(outputs.get("outputs").toString()).isEqualTo("[\"nixosModules\",\"packages\"]");
        assertThat(outputs.get("nixosModules").toString()).isEqualTo("[\"default\",\"home-web\"]");
        assertThat(outputs.get("packages").toString())
                .isEqualTo(
                        "{\"aarch64-linux\":[\"default\",\"home-web\"],"
                                + "\"x86_64-linux\":[\"default\",\"home-web\"]}");
        assertThat(outputs.get("defaultPackage").getAsString()).isEqualTo("home-web-0.1.0");
        assertThat(outputs.get("mvnParameters").getAsString())
                .isEqualTo("-pl app -am -DskipTests -Dspotless.check.skip=true");
        assertThat(outputs.get("serverExecStart").getAsString())
                .isEqualTo(
                        "/nix/store/00000000000000000000000000000000-openjdk-headless-17/bin/java"
                                + " -XX:-UsePerfData -Xmx48m -Xmn12m -XX:+UseSerialGC -jar"
                                + " /nix/store/00000000000000000000000000000000-home-web-0.1.0"
                                + "/share/home-web/home-web.jar serve");
    }
}
