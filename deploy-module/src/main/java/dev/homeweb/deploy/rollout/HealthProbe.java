package dev.homeweb.deploy.rollout;

import java.util.Optional;
import java.util.regex.Pattern;

/** One look at the server from the node: unit state, restart count and the /healthz body. */
record HealthProbe(String activeState, int restarts, boolean ok, Optional<String> release) {
    private static final Pattern RELEASE = Pattern.compile("\"release\":\"([^\"]*)\"");

    static HealthProbe parse(String output) {
        String state = "unknown";
        int restarts = -1;
        String body = "";
        for (var line : output.lines().toList()) {
            if (line.startsWith("ActiveState=")) {
                state = line.substring("ActiveState=".length());
            } else if (line.startsWith("NRestarts=")) {
                try {
                    restarts = Integer.parseInt(line.substring("NRestarts=".length()).strip());
                } catch (NumberFormatException e) {
                    restarts = -1;
                }
            } else if (line.startsWith("body=")) {
                body = line.substring("body=".length());
            }
        }
        var m = RELEASE.matcher(body);
        return new HealthProbe(
                state,
                restarts,
                body.contains("\"status\":\"ok\""),
                m.find() ? Optional.of(m.group(1)) : Optional.empty());
    }

    /**
     * Whether this is the named release, healthy, active and not restarted since {@code baseline}.
     */
    boolean healthyAs(String expected, int baseline) {
        return ok
                && release.filter(expected::equals).isPresent()
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
                + release.map(r -> " (release " + r + ")").orElse("");
    }
}
