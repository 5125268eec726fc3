package dev.homeweb.health;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.homeweb.posts.PostRepository;
import dev.homeweb.tls.TlsStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Whether the server can do its job: the database answers and the site is loaded from it, and which
 * build is running. A server that serves pages without its database (from memory, or from the
 * snapshot it started with) is "degraded", not down: it answers 200, so a load balancer keeps
 * sending readers to it (with one shared database, every node is degraded at once, and taking them
 * all out would turn a search outage into a site outage); whoever must know, such as the deploy's
 * health gate, reads {@code status}.
 */
public final class HealthCheck {
    static final String DATABASE_DOWN =
            "the database cannot be reached; serving the posts last loaded from it";

    private final PostRepository posts;
    private final Supplier<BuildInfo> detect;
    private final Supplier<Optional<String>> lag;
    private final Supplier<Optional<String>> content;
    private volatile @Nullable BuildInfo build;

    /**
     * @param detect finds the build, once, on the first check
     * @param content the id of the content the server has loaded, if known
     */
    public HealthCheck(PostRepository posts, Supplier<BuildInfo> detect) {
        this(posts, detect, Optional::empty, Optional::empty);
    }

    /**
     * @param lag why the site is not (yet) the database's, while it is not: e.g. it started from
     *     its snapshot and has not caught up
     */
    public HealthCheck(
            PostRepository posts,
            Supplier<BuildInfo> detect,
            Supplier<Optional<String>> lag,
            Supplier<Optional<String>> content) {
        this.posts = posts;
        this.detect = detect;
        this.lag = lag;
        this.content = content;
    }

    /**
     * @param tls the HTTPS certificate's state, reported as it is (empty with {@code --https off})
     */
    public Status check(Optional<TlsStatus> tls) {
        var behind = lag.get();
        if (behind.isPresent()) {
            // Serving without the database, which a retry loop is waiting for: asking it here
            // would only hold the answer for the pool's whole timeout.
            return new Status(false, -1, behind, build(), tls, content.get());
        }
        try {
            return new Status(true, posts.countAll(), behind, build(), tls, content.get());
        } catch (RuntimeException e) {
            return new Status(
                    false,
                    -1,
                    behind.or(() -> Optional.of(DATABASE_DOWN)),
                    build(),
                    tls,
                    content.get());
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

    /**
     * The answer of one check; {@code posts} is -1 when the database is unreachable, {@code
     * degraded} says why the pages served are not the database's. {@code content} names the release
     * whose content is loaded: after a content-only deploy it is newer than the running {@code
     * release}.
     */
    public record Status(
            boolean databaseUp,
            int posts,
            Optional<String> degraded,
            BuildInfo build,
            Optional<TlsStatus> tls,
            Optional<String> content) {
        private static final Gson GSON = new Gson();

        public Status {
            Objects.requireNonNull(degraded, "degraded");
            Objects.requireNonNull(build, "build");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(content, "content");
        }

        /** Only "ok" means the pages are the database's and imports reach them. */
        public boolean ok() {
            return databaseUp && degraded.isEmpty();
        }

        /**
         * {@code {"status":"ok","database":"up","posts":3,"version":..,"build":..}}, one line;
         * {@code "status":"degraded"} with a {@code "reason"} while pages are served without the
         * database.
         */
        public String toJson() {
            var json = new JsonObject();
            json.addProperty("status", ok() ? "ok" : "degraded");
            degraded.ifPresent(reason -> json.addProperty("reason", reason));
            json.addProperty("database", databaseUp ? "up" : "down");
            json.addProperty("posts", posts);
            json.addProperty("version", build.version());
            json.addProperty("build", build.buildId());
            build.releaseId().ifPresent(release -> json.addProperty("release", release));
            content.ifPresent(id -> json.addProperty("content", id));
            tls.ifPresent(t -> json.add("tls", tlsJson(t)));
            return GSON.toJson(json);
        }

        /** Certificate expiry and the last failed renewal, for {@code ./deploy status}. */
        private static JsonObject tlsJson(TlsStatus tls) {
            var json = new JsonObject();
            json.addProperty("mode", tls.mode());
            tls.expires().ifPresent(t -> json.addProperty("expires", t.toString()));
            tls.serial().ifPresent(s -> json.addProperty("serial", s));
            tls.renewalTime().ifPresent(t -> json.addProperty("renewal", t.toString()));
            tls.lastError().ifPresent(e -> json.addProperty("lastError", e));
            tls.lastErrorAt().ifPresent(t -> json.addProperty("lastErrorAt", t.toString()));
            tls.nextAttempt().ifPresent(t -> json.addProperty("nextCheck", t.toString()));
            return json;
        }
    }
}
