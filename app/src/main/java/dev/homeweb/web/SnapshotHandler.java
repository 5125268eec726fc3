package dev.homeweb.web;

import dev.homeweb.site.DeferredPage;
import dev.homeweb.site.Page;
import dev.homeweb.site.Site;
import dev.homeweb.site.SiteSnapshot;
import dev.homeweb.site.StaticAssets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Answers GET and HEAD for everything the site snapshot holds — pages, feeds, assets, redirects and
 * the 404 page — in Jetty's core API, ahead of Javalin, and hands only the dynamic routes to it.
 *
 * <p>Threading: Jetty may call {@link #handle} on its selector thread, since this handler says it
 * never blocks. A page already rendered is written from there; a page not rendered yet, and every
 * request for Javalin (whose servlet may block), is handed to the thread pool.
 */
final class SnapshotHandler extends Handler.Wrapper {
    static final HttpField REVALIDATE =
            new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-cache");

    /** A draft's preview: for the one who has the link, never for a shared cache or a crawler. */
    static final HttpField PRIVATE =
            new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "private, no-store");

    static final HttpField NOINDEX = new PreEncodedHttpField("X-Robots-Tag", "noindex");
    static final HttpField IMMUTABLE =
            new PreEncodedHttpField(
                    HttpHeader.CACHE_CONTROL, "public, max-age=31536000, immutable");

    private final Site site;
    private final Map<String, PreparedPage> assets = new ConcurrentHashMap<>();
    private final StaticAssets staticAssets;
    private final SecurityHeaders security;
    private final FileResponses files;
    private final Set<String> dynamicPaths;
    private volatile Prepared prepared;

    /**
     * Prepared pages of one snapshot; a new snapshot starts afresh, so old pages can go. Weak keys:
     * when the snapshot lets a page go (see {@link dev.homeweb.site.DeferredPage}), so does this.
     */
    private record Prepared(
            SiteSnapshot snapshot, Map<Page, PreparedPage> pages, DirectBodies direct) {
        Prepared(SiteSnapshot snapshot) {
            this(
                    snapshot,
                    Collections.synchronizedMap(new WeakHashMap<>()),
                    DirectBodies.standard());
        }
    }

    /**
     * @param dynamicPaths the paths Javalin answers, rendered per request
     */
    SnapshotHandler(
            Site site, StaticAssets assets, SecurityHeaders security, Set<String> dynamicPaths) {
        this.site = site;
        this.staticAssets = assets;
        this.security = security;
        this.files = new FileResponses(site.files(), security);
        this.dynamicPaths = Set.copyOf(dynamicPaths);
        this.prepared = new Prepared(site.current());
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        var method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            return toJavalin(request, response, callback);
        }
        // The path as sent, not decoded or resolved: the same address is the same page.
        var path = withoutTrailingSlash(request.getHttpURI().getPath());
        if (dynamicPaths.contains(path)) {
            return toJavalin(request, response, callback);
        }
        var snapshot = site.current();
        var page = snapshot.page(path);
        if (page.isPresent()) {
            whenRendered(
                    page.get(),
                    rendered ->
                            send(request, response, callback, prepared(snapshot, rendered), head));
            return true;
        }
        var preview = snapshot.preview(path);
        if (preview.isPresent()) {
            whenRendered(
                    preview.get(),
                    rendered -> {
                        response.getHeaders().add(NOINDEX);
                        send(
                                request,
                                response,
                                callback,
                                new PreparedPage(rendered, PRIVATE),
                                head);
                    });
            return true;
        }
        // The content's files: a post's, or a site-wide one, which may replace a built-in asset.
        var file = site.files().find(path);
        if (file.isPresent()) {
            files.send(request, response, callback, file.get(), head, executor(), this::send);
            return true;
        }
        var asset = staticAssets.find(path);
        if (asset.isPresent()) {
            var ready = assets.computeIfAbsent(path, p -> new PreparedPage(asset.get(), IMMUTABLE));
            send(request, response, callback, ready, head);
            return true;
        }
        var target = snapshot.redirect(path);
        if (target.isPresent()) {
            var headers = response.getHeaders();
            security.addTo(headers);
            headers.put(HttpHeader.LOCATION, target.get());
            headers.put(REVALIDATE);
            response.setStatus(HttpStatus.MOVED_PERMANENTLY_301);
            response.write(true, null, callback);
            return true;
        }
        notFound(response, callback, snapshot, head);
        return true;
    }

    /** Runs {@code answer} here when the page is rendered, else on the pool, which renders it. */
    private void whenRendered(DeferredPage deferred, Consumer<Page> answer) {
        if (deferred.isRendered()) {
            answer.accept(deferred.get());
        } else {
            // Rendering takes milliseconds: not on the selector thread.
            executor().execute(() -> answer.accept(deferred.get()));
        }
    }

    private void send(
            Request request,
            Response response,
            Callback callback,
            PreparedPage page,
            boolean head) {
        var headers = response.getHeaders();
        headers.add(page.etag());
        headers.add(page.lastModified());
        headers.add(page.cacheControl());
        headers.add(PreparedPage.VARY);
        var requestHeaders = request.getHeaders();
        if (page.notModified(
                requestHeaders.get(HttpHeader.IF_NONE_MATCH),
                requestHeaders.get(HttpHeader.IF_MODIFIED_SINCE))) {
            // Validators and caching fields only (RFC 9110, 15.4.5): the browser keeps the type
            // and the security headers of the response it stored. A returning reader's visit is
            // mostly these, so their size is most of what they cost. HSTS is the exception: a
            // browser renews it from any answer.
            security.addHstsTo(headers);
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return;
        }
        headers.add(page.contentType());
        security.addTo(headers);
        var body = page.plain();
        if (page.compressible() && acceptsGzip(requestHeaders.get(HttpHeader.ACCEPT_ENCODING))) {
            headers.add(PreparedPage.GZIP);
            body = page.gzipped();
        }
        headers.add(body.contentLength());
        response.setStatus(HttpStatus.OK_200);
        response.write(true, head ? null : body.content(), callback);
    }

    private void notFound(
            Response response, Callback callback, SiteSnapshot snapshot, boolean head) {
        var page = prepared(snapshot, snapshot.notFound());
        var headers = response.getHeaders();
        headers.add(page.contentType());
        security.addTo(headers);
        headers.add(REVALIDATE);
        headers.add(page.plain().contentLength());
        response.setStatus(HttpStatus.NOT_FOUND_404);
        response.write(true, head ? null : page.plain().content(), callback);
    }

    private PreparedPage prepared(SiteSnapshot snapshot, Page page) {
        var current = prepared;
        if (current.snapshot() != snapshot) {
            if (snapshot != site.current()) {
                // A request that began before a reload: answer it, keep nothing.
                return new PreparedPage(page, REVALIDATE);
            }
            current = new Prepared(snapshot);
            prepared = current;
        }
        var direct = current.direct();
        return current.pages().computeIfAbsent(page, p -> new PreparedPage(p, REVALIDATE, direct));
    }

    /** Javalin's servlet may block: it runs on the thread pool, never on the selector. */
    private boolean toJavalin(Request request, Response response, Callback callback) {
        executor()
                .execute(
                        () -> {
                            try {
                                if (!super.handle(request, response, callback)) {
                                    Response.writeError(
                                            request, response, callback, HttpStatus.NOT_FOUND_404);
                                }
                            } catch (Throwable e) {
                                Response.writeError(request, response, callback, e);
                            }
                        });
        return true;
    }

    private Executor executor() {
        return getServer().getThreadPool();
    }

    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.contains("gzip");
    }

    static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1)
                : path;
    }
}
