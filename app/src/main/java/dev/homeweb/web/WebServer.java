package dev.homeweb.web;

import dev.homeweb.health.HealthCheck;
import dev.homeweb.site.Page;
import dev.homeweb.site.Site;
import dev.homeweb.site.StaticAssets;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table. Pages, feeds and redirects come ready-made from the site snapshot; handlers only
 * pick one and answer conditional requests. Search is the one page rendered per request.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String REVALIDATE = "no-cache";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Site site;
    private final StaticAssets assets;
    private final HealthCheck health;
    private final SearchPage search;
    private final SecurityHeaders security;
    private final Javalin app;

    public WebServer(
            Site site,
            StaticAssets assets,
            HealthCheck health,
            SearchPage search,
            SecurityHeaders security,
            String bind,
            int port) {
        this.site = site;
        this.assets = assets;
        this.health = health;
        this.search = search;
        this.security = security;
        this.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.startup.showOldJavalinVersionWarning = false;
                            // Pages carry their own gzip form, compressed once; never per request.
                            config.http.compressionStrategy = CompressionStrategy.NONE;
                            config.jetty.host = bind;
                            config.jetty.port = port;
                            // SIGTERM: stop accepting, let in-flight requests finish for up to 10
                            // s.
                            config.jetty.modifyServer(server -> server.setStopTimeout(10_000));
                            config.routes.before(this.security::apply);
                            config.routes.get("/healthz", this::healthz);
                            config.routes.get("/search", this::search);
                            config.routes.get("/static/{file}", this::asset);
                            config.routes.get("/favicon.ico", this::asset);
                            config.routes.get("/", this::page);
                            config.routes.get("/<path>", this::page);
                            config.routes.error(HttpStatus.NOT_FOUND, this::notFound);
                            config.routes.exception(
                                    Exception.class,
                                    (e, ctx) -> {
                                        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                                        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                                                .contentType("text/plain; charset=utf-8")
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
        var path = normalize(ctx.path());
        var snapshot = site.current();
        var page = snapshot.find(path);
        if (page.isPresent()) {
            send(ctx, page.get(), REVALIDATE);
            return;
        }
        var target = snapshot.redirect(path);
        if (target.isPresent()) {
            ctx.header("Location", target.get())
                    .header("Cache-Control", REVALIDATE)
                    .status(HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        notFound(ctx);
    }

    private void asset(Context ctx) {
        assets.find(ctx.path()).ifPresentOrElse(p -> send(ctx, p, IMMUTABLE), () -> notFound(ctx));
    }

    private void search(Context ctx) {
        var html = search.render(ctx.queryParam("q"));
        ctx.header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result(html);
    }

    private void notFound(Context ctx) {
        var page = site.current().notFound();
        ctx.status(HttpStatus.NOT_FOUND)
                .contentType(page.contentType())
                .header("Cache-Control", REVALIDATE)
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
        ctx.header("Last-Modified", httpDate(page.lastModified()));
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Vary", "Accept-Encoding");
        ctx.contentType(page.contentType());
        if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), page)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        var acceptEncoding = ctx.header("Accept-Encoding");
        if (page.compressible() && acceptEncoding != null && acceptEncoding.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(page.gzipped());
        } else {
            ctx.result(page.body());
        }
    }

    /** RFC 9110: If-None-Match wins; If-Modified-Since counts only without it. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, Page page) {
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, page.etag());
        }
        if (ifModifiedSince != null) {
            try {
                var since =
                        Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince));
                return !page.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** Weak comparison over a list of tags, as RFC 9110 asks for If-None-Match. */
    static boolean matches(String ifNoneMatch, String etag) {
        var bare = etag.replace("W/", "");
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.replace("W/", "").equals(bare));
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
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
