package dev.homeweb.web;

import dev.homeweb.health.HealthCheck;
import dev.homeweb.site.Site;
import dev.homeweb.site.StaticAssets;
import dev.homeweb.tls.Listeners;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Set;
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

    /** Threads for a small server: the pages are answered on the selector thread. */
    private static final int MAX_THREADS = 16;

    private static final int MIN_THREADS = 2;

    private static final String REFERENCES_PER_CACHE_LINE =
            "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        // Without it, Jetty's MemoryUtils asks the platform MBean server whether oops are
        // compressed, which starts JMX: some 170 classes loaded for one number. 64-byte cache
        // lines of 4-byte references, as with every heap below 32 GB.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    private final Site site;
    private final HealthCheck health;
    private final SearchPage search;
    private final Listeners listeners;
    private final Javalin app;

    public WebServer(
            Site site,
            StaticAssets assets,
            HealthCheck health,
            SearchPage search,
            SecurityHeaders security,
            Listeners listeners) {
        this.site = site;
        this.health = health;
        this.search = search;
        this.listeners = listeners;
        var snapshots = new SnapshotHandler(site, assets, security, Set.of("/healthz", "/search"));
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
                            config.jetty.threadPool = pool;
                            config.jetty.modifyServer(
                                    server -> {
                                        // SIGTERM: stop accepting, let in-flight requests finish
                                        // for up to 10 s.
                                        server.setStopTimeout(10_000);
                                        // Javalin's servlet context goes inside it.
                                        server.setHandler(listeners.front(snapshots));
                                    });
                            config.routes.before(security::apply);
                            config.routes.get("/healthz", this::healthz);
                            config.routes.get("/search", this::search);
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
        var html = search.render(ctx.queryParam("q"));
        ctx.header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result(html);
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
        ctx.status(status.databaseUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .header("Cache-Control", "no-store")
                .contentType("application/json")
                .result(status.toJson());
    }

    @Override
    public void close() {
        app.stop();
        listeners.close();
    }
}
