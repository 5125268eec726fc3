package dev.homeweb.web;

import dev.homeweb.health.HealthCheck;
import dev.homeweb.routes.Routes;
import dev.homeweb.site.PreviewStatus;
import dev.homeweb.site.Site;
import dev.homeweb.site.StaticAssets;
import dev.homeweb.tls.Listeners;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: {@link SnapshotHandler} answers every page, feed, asset and redirect from the
 * site snapshot in Jetty's core API; Javalin holds the routes rendered per request (search, health)
 * and the error mappers.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /**
     * Threads for a small server: the pages are answered on the selector thread, so the pool only
     * runs search, health, first renders and file reads. Each thread costs its stack, a malloc
     * arena and the JDK's cached temporary direct buffers; under page load a pool of 16 filled up.
     */
    private static final int MAX_THREADS = 8;

    private static final int MIN_THREADS = 2;

    /** A restarting PostgreSQL is usually back within seconds; the pool reconnects by itself. */
    private static final String SEARCH_RETRY_AFTER_SECONDS = "10";

    private final Site site;
    private final HealthCheck health;
    private final SearchPage search;
    private final Listeners listeners;
    private final Optional<LiveReloadEvents> liveReload;
    private final Javalin app;

    /**
     * @param preview the local preview's status: with it, and only then, the server has the reload
     *     script and its event stream
     */
    public WebServer(
            Site site,
            StaticAssets assets,
            HealthCheck health,
            SearchPage search,
            SecurityHeaders security,
            Listeners listeners,
            Optional<PreviewStatus> preview) {
        this.site = site;
        this.health = health;
        this.search = search;
        this.listeners = listeners;
        this.liveReload = preview.map(LiveReloadEvents::new);
        // The routes rendered per request; the snapshot handler hands exactly these to Javalin.
        var dynamic = new HashMap<String, Handler>();
        dynamic.put(Routes.HEALTH, this::healthz);
        dynamic.put(Routes.SEARCH, this::search);
        liveReload.ifPresent(events -> dynamic.put(Routes.LIVE_RELOAD_SCRIPT, events::script));
        var handedOn = new HashSet<>(dynamic.keySet());
        liveReload.ifPresent(events -> handedOn.add(Routes.LIVE_RELOAD_EVENTS));
        var snapshots = new SnapshotHandler(site, assets, security, handedOn);
        this.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.startup.showOldJavalinVersionWarning = false;
                            // Pages carry their own gzip form, compressed once; never per request.
                            config.http.compressionStrategy = CompressionStrategy.NONE;
                            listeners.connectors().forEach(config.jetty::addConnector);
                            var pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
                            pool.setName("JettyServerThreadPool");
                            // Reserved threads speed up blocking handlers; ours hand off
                            // themselves.
                            pool.setReservedThreads(0);
                            config.jetty.threadPool = pool;
                            // Jetty's parser keeps a cache of the header fields each connection
                            // sent, 100 KB of heap a keep-alive connection at its default size; 64
                            // connections of wrk left 6.6 MB in the old generation, and the same
                            // requests are answered as fast without it (bench/README.md).
                            config.jetty.modifyHttpConfiguration(
                                    http -> http.setHeaderCacheSize(0));
                            config.jetty.modifyServer(
                                    server -> {
                                        // SIGTERM: stop accepting, let in-flight requests finish
                                        // for up to 10 s.
                                        server.setStopTimeout(10_000);
                                        // Javalin's servlet context goes inside it.
                                        server.setHandler(listeners.front(snapshots));
                                    });
                            config.routes.before(security::apply);
                            dynamic.forEach(config.routes::get);
                            // Without these Javalin answers HEAD with an empty 200 of its own,
                            // without the headers GET sends (search's 503 and Retry-After).
                            dynamic.forEach(config.routes::head);
                            liveReload.ifPresent(
                                    events ->
                                            config.routes.sse(
                                                    Routes.LIVE_RELOAD_EVENTS, events::connect));
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
        try {
            // With ACME and no certificate yet, the first order runs here.
            listeners.started();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    private void search(Context ctx) {
        var answer = search.render(ctx.queryParam("q"));
        if (answer.databaseDown()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", SEARCH_RETRY_AFTER_SECONDS);
        }
        ctx.header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result(answer.html());
    }

    /** Other methods than GET and HEAD on a page's address end here. */
    private void notFound(Context ctx) {
        var page = site.current().notFound();
        ctx.status(HttpStatus.NOT_FOUND)
                .contentType(page.contentType())
                .header("Cache-Control", "no-cache")
                .result(page.body());
    }

    private void healthz(Context ctx) {
        var status = health.check(listeners.status());
        // 200 while degraded too: pages are still served (see HealthCheck); the body says which.
        ctx.status(HttpStatus.OK)
                .header("Cache-Control", "no-store")
                .contentType("application/json")
                .result(status.toJson());
    }

    @Override
    public void close() {
        liveReload.ifPresent(LiveReloadEvents::close);
        app.stop();
        listeners.close();
    }
}
