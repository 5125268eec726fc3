package dev.homeweb.health;

import dev.homeweb.posts.PostRepository;

/** Whether the server can do its job: the database answers, and which build is running. */
public final class HealthCheck {
    private final PostRepository posts;
    private final BuildInfo build;

    public HealthCheck(PostRepository posts, BuildInfo build) {
        this.posts = posts;
        this.build = build;
    }

    public Status check() {
        try {
            return new Status(true, posts.countAll(), build);
        } catch (RuntimeException e) {
            return new Status(false, -1, build);
        }
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
