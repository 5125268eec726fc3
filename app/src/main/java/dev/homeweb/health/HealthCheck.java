package dev.homeweb.health;

import dev.homeweb.posts.PostRepository;
import dev.homeweb.tls.TlsStatus;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Whether the server can do its job: the database answers, and which build is running. */
public final class HealthCheck {
    private final PostRepository posts;
    private final Supplier<BuildInfo> detect;
    private volatile @Nullable BuildInfo build;

    /**
     * @param detect finds the build, once, on the first check
     */
    public HealthCheck(PostRepository posts, Supplier<BuildInfo> detect) {
        this.posts = posts;
        this.detect = detect;
    }

    /**
     * @param tls the HTTPS certificate's state, reported as it is (empty with {@code --https off})
     */
    public Status check(Optional<TlsStatus> tls) {
        try {
            return new Status(true, posts.countAll(), build(), tls);
        } catch (RuntimeException e) {
            return new Status(false, -1, build(), tls);
        }
    }

    private BuildInfo build() {
        var result = build;
        if (result == null) {
            result = detect.get();
            build = result;
        }
        return result;
    }

    /** The answer of one check; {@code posts} is -1 when the database is unreachable. */
    public record Status(boolean databaseUp, int posts, BuildInfo build, Optional<TlsStatus> tls) {
        public String toJson() {
            var release =
                    build.releaseId().map(r -> ",\"release\":\"" + jsonEscape(r) + "\"").orElse("");
            return "{\"status\":\"%s\",\"database\":\"%s\",\"posts\":%d,\"version\":\"%s\",\"build\":\"%s\"%s%s}"
                    .formatted(
                            databaseUp ? "ok" : "unavailable",
                            databaseUp ? "up" : "down",
                            posts,
                            jsonEscape(build.version()),
                            jsonEscape(build.buildId()),
                            release,
                            tls.map(Status::tlsJson).orElse(""));
        }

        /** Certificate expiry and the last failed renewal, for {@code ./deploy status}. */
        private static String tlsJson(TlsStatus tls) {
            var fields = new java.util.LinkedHashMap<String, String>();
            fields.put("mode", tls.mode());
            tls.expires().ifPresent(t -> fields.put("expires", t.toString()));
            tls.serial().ifPresent(s -> fields.put("serial", s));
            tls.renewalTime().ifPresent(t -> fields.put("renewal", t.toString()));
            tls.lastError().ifPresent(e -> fields.put("lastError", e));
            tls.lastErrorAt().ifPresent(t -> fields.put("lastErrorAt", t.toString()));
            tls.nextAttempt().ifPresent(t -> fields.put("nextCheck", t.toString()));
            return fields.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":\"" + jsonEscape(e.getValue()) + "\"")
                    .collect(java.util.stream.Collectors.joining(",", ",\"tls\":{", "}"));
        }

        private static String jsonEscape(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }
}
