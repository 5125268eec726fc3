package dev.homeweb.health;

import dev.homeweb.posts.PostRepository;
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

    public Status check() {
        try {
            return new Status(true, posts.countAll(), build());
        } catch (RuntimeException e) {
            return new Status(false, -1, build());
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
    public record Status(boolean databaseUp, int posts, BuildInfo build) {
        public String toJson() {
            var release =
                    build.releaseId().map(r -> ",\"release\":\"" + jsonEscape(r) + "\"").orElse("");
            return "{\"status\":\"%s\",\"database\":\"%s\",\"posts\":%d,\"version\":\"%s\",\"build\":\"%s\"%s}"
                    .formatted(
                            databaseUp ? "ok" : "unavailable",
                            databaseUp ? "up" : "down",
                            posts,
                            jsonEscape(build.version()),
                            jsonEscape(build.buildId()),
                            release);
        }

        private static String jsonEscape(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }
}
