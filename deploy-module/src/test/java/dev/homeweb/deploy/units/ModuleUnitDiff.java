package dev.homeweb.deploy.units;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The differences, key by key, between a unit that {@code ./deploy units} renders and the same unit
 * of the NixOS module (its evaluated {@code systemd.services.NAME}). Aside by design: the paths of
 * the package (the java binary, the jar, the content folder, {@code WorkingDirectory=}), {@code
 * EnvironmentFile=} (a ./deploy release's id), and the ordering among home-web's own units, which
 * the module declares because no deploy tool runs them in turn.
 */
final class ModuleUnitDiff {
    private static final List<String> DEPENDENCIES =
            List.of("Wants", "Requires", "After", "Before");

    private ModuleUnitDiff() {}

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
        return differences;
    }

    /** The java command with its paths replaced by what they are: JAVA, JAR, CONTENT. */
    static String withoutPackagePaths(String command) {
        var words = command.split(" ");
        words[0] = words[0].endsWith("/bin/java") ? "JAVA" : words[0];
        for (int i = 1; i < words.length; i++) {
            if (words[i - 1].equals("-jar") && words[i].endsWith("/home-web.jar")) {
                words[i] = "JAR";
            } else if (words[i - 1].equals("--content")) {
                words[i] = "CONTENT";
            }
        }
        return String.join(" ", words);
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
     * Without home-web's own units: the module orders its units itself, and the sockets that {@code
     * ./deploy} holds for restarts are not part of the module yet.
     */
    private static List<String> ownUnitsAside(List<String> units) {
        return units.stream().filter(unit -> !unit.startsWith("home-web")).toList();
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
