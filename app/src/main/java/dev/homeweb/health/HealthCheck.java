package dev.homeweb.health;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
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
        private static final Gson GSON = new Gson();

        /** {@code {"status":"ok","database":"up","posts":3,"version":..,"build":..}}, one line. */
        public String toJson() {
            var json = new JsonObject();
            json.addProperty("status", databaseUp ? "ok" : "unavailable");
            json.addProperty("database", databaseUp ? "up" : "down");
            json.addProperty("posts", posts);
            json.addProperty("version", build.version());
            json.addProperty("build", build.buildId());
            build.releaseId().ifPresent(release -> json.addProperty("release", release));
            return GSON.toJson(json);
        }
    }
}
