package dev.homeweb.deploy.units;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The differences, key by key, between a unit that {@code ./deploy units} renders and the same unit
 * of the NixOS module (its evaluated {@code systemd.services.NAME} or {@code
 * systemd.sockets.NAME}). Aside by design: the paths of the package (the java binary, the jar, the
 * content folder, {@code WorkingDirectory=}) and of the ACME CA root (./deploy ships it, Nix names
 * it), {@code EnvironmentFile=} (a ./deploy release's id), and the ordering among home-web's own
 * services, which the module declares because no deploy tool runs them in turn. The sockets the
 * server requires are compared.
 */
final class ModuleUnitDiff {
    private static final List<String> DEPENDENCIES =
            List.of("Wants", "Requires", "After", "Before");

    /** Keys systemd reads once, the last line winning, that ./deploy may write twice. */
    private static final Set<String> LAST_WINS = Set.of("StateDirectoryMode");

    private ModuleUnitDiff() {}

    /** A unit the renderer writes, the module's service for it, and whether descriptions match. */
    private record Pair(String rendered, String module, boolean sameDescription) {}

    private static final List<Pair> UNITS =
            List.of(
                    new Pair("home-web.service", "home-web", true),
                    // The deploy tool's one-shots speak of releases; the module has none.
                    new Pair("home-web-migrate@.service", "home-web-migrate", false),
                    new Pair("home-web-import.service", "home-web-import", false));

    /**
     * Every difference of the three service pairs and of the sockets, each prefixed with its unit.
     */
    static List<String> all(List<UnitFile> rendered, JsonObject module) {
        var all = new ArrayList<String>();
        var services = module.getAsJsonObject("services");
        for (var unit : UNITS) {
            var text = UnitSections.parse(UnitFileRendererTest.text(rendered, unit.rendered()));
            var service = services.getAsJsonObject(unit.module());
            for (var difference : between(text, service, unit.sameDescription())) {
                all.add(unit.rendered() + " " + difference);
            }
        }
        var sockets = module.getAsJsonObject("sockets");
        var names = new TreeSet<String>();
        rendered.stream()
                .filter(f -> f.name().endsWith(".socket"))
                .forEach(f -> names.add(f.name()));
        sockets.keySet().forEach(name -> names.add(name + ".socket"));
        for (var name : names) {
            var socket = sockets.getAsJsonObject(name.replace(".socket", ""));
            var file = rendered.stream().filter(f -> f.name().equals(name)).findFirst();
            if (socket == null || file.isEmpty()) {
                all.add(
                        socket == null
                                ? name
                                        + ": ./deploy units has it, the NixOS module has no"
                                        + " systemd.sockets."
                                        + name.replace(".socket", "")
                                : name + ": the NixOS module has it, ./deploy units does not");
                continue;
            }
            var text = UnitSections.parse(file.get().text());
            for (var difference : betweenSockets(text, socket)) {
                all.add(name + " " + difference);
            }
        }
        return all;
    }

    static List<String> between(UnitSections rendered, JsonObject module, boolean sameDescription) {
        var differences = new ArrayList<String>();
        var service = new TreeMap<>(rendered.section("Service"));
        var environment =
                service.remove("Environment") == null
                        ? List.<String>of()
                        : rendered.section("Service").get("Environment");
        service.remove("EnvironmentFile");
        service.remove("WorkingDirectory");
        var config = new TreeMap<String, List<String>>();
        for (Map.Entry<String, JsonElement> e :
                module.getAsJsonObject("serviceConfig").entrySet()) {
            config.put(e.getKey(), strings(e.getValue()));
        }
        config.remove("WorkingDirectory");
        var keys = new TreeSet<>(service.keySet());
        keys.addAll(config.keySet());
        for (var key : keys) {
            var ours = service.getOrDefault(key, List.of());
            var theirs = config.getOrDefault(key, List.of());
            if (key.equals("ExecStart")) {
                ours = ours.stream().map(ModuleUnitDiff::withoutPackagePaths).toList();
                theirs = theirs.stream().map(ModuleUnitDiff::withoutPackagePaths).toList();
            }
            if (LAST_WINS.contains(key)) {
                ours = last(ours);
                theirs = last(theirs);
            }
            differ(differences, "[Service] " + key, ours, theirs);
        }
        differ(
                differences,
                "[Service] Environment",
                environment.stream().map(ModuleUnitDiff::unquote).sorted().toList(),
                module.getAsJsonObject("environment").entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().getAsString())
                        .sorted()
                        .toList());
        unitSections(differences, rendered, module, sameDescription);
        return differences;
    }

    /**
     * The differences of a socket unit: its [Socket] section against NixOS's {@code listenStreams}
     * (one {@code ListenStream=} each) and {@code socketConfig}, and its [Unit] and [Install].
     */
    static List<String> betweenSockets(UnitSections rendered, JsonObject module) {
        var differences = new ArrayList<String>();
        var config = new TreeMap<String, List<String>>();
        config.put("ListenStream", strings(module.get("listenStreams")));
        for (Map.Entry<String, JsonElement> e : module.getAsJsonObject("socketConfig").entrySet()) {
            config.put(e.getKey(), strings(e.getValue()));
        }
        var keys = new TreeSet<>(rendered.section("Socket").keySet());
        keys.addAll(config.keySet());
        for (var key : keys) {
            differ(
                    differences,
                    "[Socket] " + key,
                    rendered.section("Socket").getOrDefault(key, List.of()),
                    config.getOrDefault(key, List.of()));
        }
        unitSections(differences, rendered, module, true);
        return differences;
    }

    /** [Unit] dependencies and description, [Install] WantedBy. */
    private static void unitSections(
            List<String> differences,
            UnitSections rendered,
            JsonObject module,
            boolean sameDescription) {
        for (var key : DEPENDENCIES) {
            differ(
                    differences,
                    "[Unit] " + key,
                    ownUnitsAside(words(rendered.value("Unit", key))),
                    ownUnitsAside(strings(module.get(key.toLowerCase()))));
        }
        if (sameDescription) {
            differ(
                    differences,
                    "[Unit] Description",
                    List.of(rendered.value("Unit", "Description")),
                    List.of(module.get("description").getAsString()));
        }
        differ(
                differences,
                "[Install] WantedBy",
                words(rendered.value("Install", "WantedBy")),
                strings(module.get("wantedBy")));
    }

    /**
     * The java command with its paths replaced by what they are: JAVA, JAR, CONTENT, CA_ROOT; words
     * split on any whitespace, as systemd splits a command (./deploy continues long ones). The
     * release's own JVM options ({@code $HOME_WEB_RELEASE_JAVA_OPTIONS}: the AOT cache of its
     * bundled runtime) are left out: the module runs the package's Java, which has no such cache,
     * as a node with {@code java_home} does.
     */
    static String withoutPackagePaths(String command) {
        var words =
                java.util.Arrays.stream(command.strip().split("\\s+"))
                        .filter(w -> !w.equals("$" + UnitFileRenderer.RELEASE_JAVA_OPTIONS))
                        .filter(w -> !w.equals("$" + UnitFileRenderer.RELEASE_IMPORT_JAVA_OPTIONS))
                        .toArray(String[]::new);
        words[0] = words[0].endsWith("/bin/java") ? "JAVA" : words[0];
        for (int i = 1; i < words.length; i++) {
            if (words[i - 1].equals("-jar") && words[i].endsWith("/home-web.jar")) {
                words[i] = "JAR";
            } else if (words[i - 1].equals("--content")) {
                words[i] = "CONTENT";
            } else if (words[i - 1].equals("--acme-ca-root")) {
                words[i] = "CA_ROOT";
            }
        }
        return String.join(" ", words);
    }

    private static List<String> last(List<String> values) {
        return values.isEmpty() ? values : List.of(values.get(values.size() - 1));
    }

    private static void differ(
            List<String> out, String what, List<String> ours, List<String> theirs) {
        if (!Objects.equals(ours, theirs)) {
            out.add(what + ": ./deploy units has " + ours + ", the NixOS module has " + theirs);
        }
    }

    /** A systemd {@code Environment=} value as the variable assignment it stands for. */
    private static String unquote(String value) {
        var bare =
                value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
        return bare.replace("%%", "%").replace("\\\\", "\\");
    }

    /**
     * Without home-web's own services: the module orders the server, migrate and import itself. The
     * sockets stay: both must hold the server's listening sockets.
     */
    private static List<String> ownUnitsAside(List<String> units) {
        return units.stream()
                .filter(unit -> !unit.matches("home-web(-migrate@?|-import)?\\.service"))
                .toList();
    }

    private static List<String> words(String value) {
        return value.isEmpty() ? List.of() : Arrays.asList(value.split(" "));
    }

    private static List<String> strings(JsonElement value) {
        if (value == null) {
            return List.of();
        }
        if (value.isJsonArray()) {
            return value.getAsJsonArray().asList().stream()
                    .map(JsonElement::getAsString)
                    .collect(Collectors.toList());
        }
        return List.of(value.getAsString());
    }
}
