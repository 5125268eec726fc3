package dev.homeweb.web;

import dev.homeweb.health.HealthCheck;
import dev.homeweb.site.Page;
import dev.homeweb.site.Site;
import dev.homeweb.site.StaticAssets;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The route table. Every page comes ready-made from the site snapshot; handlers only pick one. */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String HTML_CACHE = "no-cache";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Site site;
    private final StaticAssets assets;
    private final HealthCheck health;
    private final Javalin app;

    public WebServer(Site site, StaticAssets assets, HealthCheck health, String bind, int port) {
        this.site = site;
        this.assets = assets;
        this.health = health;
        this.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.startup.showOldJavalinVersionWarning = false;
                            config.jetty.host = bind;
                            config.jetty.port = port;
                            // SIGTERM: stop accepting, let in-flight requests finish for up to 10
                            // s.
                            config.jetty.modifyServer(server -> server.setStopTimeout(10_000));
                            config.routes.get("/healthz", this::healthz);
                            config.routes.get("/static/{file}", this::asset);
                            config.routes.get("/", this::page);
                            config.routes.get("/page/{n}", this::page);
                            config.routes.get("/blog/{slug}", this::page);
                            config.routes.get("/tags/{tag}", this::page);
                            config.routes.get("/tags/{tag}/page/{n}", this::page);
                            config.routes.error(HttpStatus.NOT_FOUND, this::notFound);
                            config.routes.exception(
                                    Exception.class,
                                    (e, ctx) -> {
                                        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                                        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                                                .contentType("text/plain")
                                                .result("Internal error\n");
                                    });
                        });
    }

    public WebServer start() {
        app.start();
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    private void page(Context ctx) {
        var page = site.current().find(normalize(ctx.path()));
        if (page.isEmpty()) {
            notFound(ctx);
            return;
        }
        send(ctx, page.get(), HTML_CACHE);
    }

    private void asset(Context ctx) {
        assets.find(ctx.path()).ifPresentOrElse(p -> send(ctx, p, IMMUTABLE), () -> notFound(ctx));
    }

    private void notFound(Context ctx) {
        var page = site.current().notFound();
        ctx.status(HttpStatus.NOT_FOUND)
                .contentType(page.contentType())
                .header("Cache-Control", "no-cache")
                .result(page.body());
    }

    private void healthz(Context ctx) {
        var status = health.check();
        ctx.status(status.databaseUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .header("Cache-Control", "no-store")
                .contentType("application/json")
                .result(status.toJson());
    }

    private static void send(Context ctx, Page page, String cacheControl) {
        ctx.header("ETag", page.etag());
        ctx.header("Cache-Control", cacheControl);
        ctx.header(
                "Last-Modified",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        page.lastModified().atOffset(ZoneOffset.UTC)));
        ctx.contentType(page.contentType());
        if (matches(ctx.header("If-None-Match"), page.etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.result(page.body());
    }

    /** Weak comparison over a list of tags, as RFC 9110 asks for If-None-Match. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        var bare = etag.replace("W/", "");
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.replace("W/", "").equals(bare));
    }

    private static String normalize(String path) {
        return path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1)
                : path;
    }

    @Override
    public void close() {
        app.stop();
    }
}
