package dev.homeweb.deploy.rollout;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The end-of-run table for people and the {@code --json} document for machines. */
public final class RunSummary {
    private RunSummary() {}

    public static String text(List<NodeResult> results) {
        var out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%-20s %-24s %-17s %8s  %s%n",
                        "NODE",
                        "RESULT",
                        "SERVES",
                        "TIME",
                        "MESSAGE"));
        for (var r : results) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%-20s %-24s %-17s %7.1fs  %s%n",
                            r.node(),
                            r.outcome().label(),
                            r.serving(),
                            r.duration().toMillis() / 1000.0,
                            r.message()));
        }
        return out.toString();
    }

    public static String json(List<NodeResult> results, int exitCode) {
        var nodes = new JsonArray();
        for (var r : results) {
            var node = new JsonObject();
            node.addProperty("node", r.node());
            node.addProperty("result", r.outcome().key());
            node.add("release", orNull(r.release()));
            node.add("previous", orNull(r.previous()));
            node.addProperty("serving", r.serving());
            node.add("seconds", seconds(r.duration()));
            node.addProperty("message", r.message());
            var steps = new JsonArray();
            for (var s : r.steps()) {
                var step = new JsonObject();
                step.addProperty("step", s.step());
                step.addProperty("ok", s.ok());
                step.add("seconds", seconds(s.duration()));
                step.addProperty("detail", s.detail());
                steps.add(step);
            }
            node.add("steps", steps);
            nodes.add(node);
        }
        var document = new JsonObject();
        document.addProperty("exitCode", exitCode);
        document.add("nodes", nodes);
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(document);
    }

    private static com.google.gson.JsonElement orNull(Optional<String> value) {
        return value.<com.google.gson.JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE);
    }

    /** Seconds with millisecond precision, written as such ({@code 3.040}). */
    private static JsonPrimitive seconds(Duration duration) {
        return new JsonPrimitive(
                BigDecimal.valueOf(duration.toMillis())
                        .movePointLeft(3)
                        .setScale(3, RoundingMode.UNNECESSARY));
    }
}
