package dev.homeweb.deploy.rollout;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * One look at the server from the node: unit state, restart count and the /healthz body, which
 * names the running release and the release whose content it serves (the same one, unless only
 * content changed since it started; a server from before content ids names only its release).
 */
record HealthProbe(
        String activeState,
        int restarts,
        boolean ok,
        Optional<String> release,
        Optional<String> content) {
    static HealthProbe parse(String output) {
        String state = "unknown";
        int restarts = -1;
        String body = "";
        for (var line : output.lines().toList()) {
            if (line.startsWith("ActiveState=")) {
                state = line.substring("ActiveState=".length());
            } else if (line.startsWith("NRestarts=")) {
                var value = line.substring("NRestarts=".length()).strip();
                restarts = value.matches("[0-9]{1,9}") ? Integer.parseInt(value) : -1;
            } else if (line.startsWith("body=")) {
                body = line.substring("body=".length());
            }
        }
        var health = healthz(body);
        var release = health.flatMap(h -> text(h, "release"));
        return new HealthProbe(
                state,
                restarts,
                health.map(h -> text(h, "status").filter("ok"::equals).isPresent()).orElse(false),
                release,
                health.flatMap(h -> text(h, "content")).or(() -> release));
    }

    /** The {@code /healthz} document, if the body is one (a dead server answers nothing). */
    private static Optional<JsonObject> healthz(String body) {
        try {
            var json = JsonParser.parseString(body);
            return json.isJsonObject() ? Optional.of(json.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? Optional.of(value.getAsString())
                : Optional.empty();
    }

    /**
     * Whether this is the named release, healthy, active and not restarted since {@code baseline}.
     */
    boolean healthyAs(String expected, int baseline) {
        return release.filter(expected::equals).isPresent() && servesContentOf(expected, baseline);
    }

    /**
     * Whether it serves the content of the named release, healthy, active and not restarted since
     * {@code baseline}, whichever release's code runs: what a content-only change must reach.
     */
    boolean servesContentOf(String expected, int baseline) {
        return ok
                && content.filter(expected::equals).isPresent()
                && activeState.equals("active")
                && restarts == baseline;
    }

    String describe() {
        return "unit "
                + activeState
                + ", restarts "
                + restarts
                + ", healthz "
                + (ok ? "ok" : "not ok")
                + release.map(r -> " (release " + r + ")").orElse("")
                + content.filter(c -> !release.equals(Optional.of(c)))
                        .map(c -> " (content of " + c + ")")
                        .orElse("");
    }
}
