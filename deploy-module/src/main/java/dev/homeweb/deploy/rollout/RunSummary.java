package dev.homeweb.deploy.rollout;

import java.util.List;
import java.util.Locale;

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
                        "RELEASE",
                        "TIME",
                        "MESSAGE"));
        for (var r : results) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%-20s %-24s %-17s %7.1fs  %s%n",
                            r.node(),
                            r.outcome().label(),
                            r.release().orElse("-"),
                            r.duration().toMillis() / 1000.0,
                            r.message()));
        }
        return out.toString();
    }

    public static String json(List<NodeResult> results, int exitCode) {
        var out = new StringBuilder("{\"exitCode\":").append(exitCode).append(",\"nodes\":[");
        for (int i = 0; i < results.size(); i++) {
            var r = results.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"node\":")
                    .append(str(r.node()))
                    .append(",\"result\":")
                    .append(str(r.outcome().key()))
                    .append(",\"release\":")
                    .append(r.release().map(RunSummary::str).orElse("null"))
                    .append(",\"previous\":")
                    .append(r.previous().map(RunSummary::str).orElse("null"))
                    .append(",\"seconds\":")
                    .append(String.format(Locale.ROOT, "%.3f", r.duration().toMillis() / 1000.0))
                    .append(",\"message\":")
                    .append(str(r.message()))
                    .append(",\"steps\":[");
            for (int j = 0; j < r.steps().size(); j++) {
                var s = r.steps().get(j);
                if (j > 0) {
                    out.append(',');
                }
                out.append("{\"step\":")
                        .append(str(s.step()))
                        .append(",\"ok\":")
                        .append(s.ok())
                        .append(",\"seconds\":")
                        .append(String.format(Locale.ROOT, "%.3f", s.seconds()))
                        .append(",\"detail\":")
                        .append(str(s.detail()))
                        .append('}');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    static String str(String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
