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
                                + " services.home-web.bind = 127.0.0.1 listens on loopback only"),
                new Refused(
                        "an https mode that does not exist",
                        Map.of("https", "on"),
                        Map.of(),
                        "A definition for option `services.home-web.https' is not of type `one of"
                                + " \"off\", \"acme\", \"secrets\"'"),
                new Refused(
                        "acme without an e-mail address",
                        https("acme", Map.of()),
                        Map.of(),
                        "- services.home-web.acmeEmail must be set with services.home-web.https ="
                                + " \"acme\""),
                new Refused(
                        "an acmeEmail that is not an address",
                        https("acme", Map.of("acmeEmail", "me at example.org")),
                        Map.of(),
                        "A definition for option `services.home-web.acmeEmail' is not of type"),
                new Refused(
                        "an http acmeDirectory",
                        https(
                                "acme",
                                Map.of(
                                        "acmeEmail",
                                        "me@example.org",
                                        "acmeDirectory",
                                        "http://acme.example.org/dir")),
                        Map.of(),
                        "A definition for option `services.home-web.acmeDirectory' is not of type"),
                new Refused(
                        "https without baseUrl",
                        Map.of("https", "acme", "acmeEmail", "me@example.org"),
                        Map.of(),
                        "- services.home-web.baseUrl must be set with services.home-web.https ="
                                + " \"acme\""),
                new Refused(
                        "https with an http:// baseUrl",
                        https(
                                "acme",
                                Map.of(
                                        "acmeEmail",
                                        "me@example.org",
                                        "baseUrl",
                                        "http://blog.example.org")),
                        Map.of(),
                        "- services.home-web.baseUrl = http://blog.example.org must start with"
                                + " https:// with services.home-web.https = \"acme\""),
                new Refused(
                        "https for an IP address",
                        https("secrets", tls(Map.of("baseUrl", "https://192.0.2.7/"))),
                        Map.of(),
                        "- services.home-web.baseUrl's host 192.0.2.7 is an IP address"),
                new Refused(
                        "https on loopback",
                        https("secrets", tls(Map.of("bind", "127.0.0.1"))),
                        Map.of(),
                        "- services.home-web.bind = 127.0.0.1 with services.home-web.https ="
                                + " \"secrets\": no browser (and no CA) could reach the server"),
                new Refused(
                        "a redirect host that is the base host",
                        https("secrets", tls(Map.of("redirectHosts", List.of("blog.example.org")))),
                        Map.of(),
                        "- services.home-web.redirectHosts names blog.example.org, the host of"
                                + " services.home-web.baseUrl itself"),
                new Refused(
                        "a redirect host in capitals",
                        https("secrets", tls(Map.of("redirectHosts", List.of("WWW.example.org")))),
                        Map.of(),
                        "A definition for option `services.home-web.redirectHosts.",
                        "WWW.example.org"),
                new Refused(
                        "secrets without the key file",
                        https(
                                "secrets",
                                Map.of("tlsCertificateFile", NixModuleIT.CERTIFICATE_FILE)),
                        Map.of(),
                        "- services.home-web.tlsCertificateFile and services.home-web.tlsKeyFile"
                                + " must both be set with services.home-web.https = \"secrets\""),
                new Refused(
                        "a tlsKeyFile in the Nix store",
                        https(
                                "secrets",
                                tls(
                                        Map.of(
                                                "tlsKeyFile",
                                                "/nix/store/00000000000000000000000000000000-key.pem"))),
                        Map.of(),
                        "- services.home-web.tlsKeyFile ="
                                + " /nix/store/00000000000000000000000000000000-key.pem is in the"
                                + " Nix store"),
                new Refused(
                        "HSTS preload without includeSubdomains",
                        https("secrets", tls(Map.of("hsts", Map.of("preload", true)))),
                        Map.of(),
                        "- services.home-web.hsts.preload needs"
                                + " services.home-web.hsts.includeSubdomains = true and"
                                + " services.home-web.hsts.maxAge of at least 31536000"),
                new Refused(
                        "a negative HSTS max-age",
                        https("secrets", tls(Map.of("hsts", Map.of("maxAge", -1)))),
                        Map.of(),
                        "A definition for option `services.home-web.hsts.maxAge' is not of type"),
                new Refused(
                        "the plain port on 443",
                        https("secrets", tls(Map.of("port", 443))),
                        Map.of(),
                        "- services.home-web.port = 443 with services.home-web.https ="
                                + " \"secrets\": 443 is the HTTPS socket"),
                new Refused(
                        "SSH on 443 with https",
                        https("secrets", tls(Map.of())),
                        Map.of("openssh", Map.of("enable", true, "ports", List.of(22, 443))),
                        "- services.home-web.https = \"secrets\" listens on 443, which is also"
                                + " services.openssh.ports; pick another port."));
    }

    /** Settings with this https mode and base URL, and {@code more} over them. */
    private static Map<String, Object> https(String mode, Map<String, ?> more) {
        var settings = new HashMap<String, Object>();
        settings.put("https", mode);
        settings.put("baseUrl", "https://blog.example.org");
        settings.putAll(more);
        return settings;
    }

    /** {@code more} over the two files of {@code https = "secrets"}. */
    private static Map<String, Object> tls(Map<String, ?> more) {
        var settings = new HashMap<String, Object>();
        settings.put("tlsCertificateFile", NixModuleIT.CERTIFICATE_FILE);
        settings.put("tlsKeyFile", NixModuleIT.KEY_FILE);
        settings.putAll(more);
        return settings;
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
