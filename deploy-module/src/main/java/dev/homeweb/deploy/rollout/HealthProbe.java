package dev.homeweb.deploy.rollout;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * One look at the server from the node: unit state, restart count and the /healthz body, which
 * names the running release and the release whose content it serves (the same one, unless only
 * content changed since it started; a server from before content ids names only its release), with
 * its {@code tls} object when the server speaks HTTPS itself. Only {@code "status":"ok"} is
 * healthy: a server that answers {@code "degraded"} (it serves saved pages because it cannot reach
 * the database, HTTP 200 for load balancers) never passes a deploy.
 */
record HealthProbe(
        String activeState,
        int restarts,
        boolean ok,
        Optional<String> release,
        Optional<String> degraded,
        Optional<Certificate> certificate,
        Optional<String> content) {

    /** The certificate served ({@code tls.expires}) and the last failed order, if the newest. */
    record Certificate(
            String mode,
            Optional<String> expires,
            Optional<String> lastError,
            Optional<String> lastErrorAt) {
        String describe() {
            return "certificate ("
                    + mode
                    + ") "
                    + expires.map(e -> "valid until " + e).orElse("not obtained yet")
                    + lastError
                            .map(
                                    e ->
                                            "; last error"
                                                    + lastErrorAt.map(t -> " at " + t).orElse("")
                                                    + ": "
                                                    + e)
                            .orElse("");
        }
    }

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
                health.filter(h -> text(h, "status").filter("degraded"::equals).isPresent())
                        .map(h -> text(h, "reason").orElse("no reason given")),
                health.map(h -> h.get("tls"))
                        .filter(JsonElement::isJsonObject)
                        .map(JsonElement::getAsJsonObject)
                        .map(
                                tls ->
                                        new Certificate(
                                                text(tls, "mode").orElse("?"),
                                                text(tls, "expires"),
                                                text(tls, "lastError"),
                                                text(tls, "lastErrorAt"))),
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
                + (ok ? "ok" : degraded.map(reason -> "degraded: " + reason).orElse("not ok"))
                + release.map(r -> " (release " + r + ")").orElse("")
                + content.filter(c -> !release.equals(Optional.of(c)))
                        .map(c -> " (content of " + c + ")")
                        .orElse("")
                + certificate.map(c -> ", " + c.describe()).orElse("");
    }
}
