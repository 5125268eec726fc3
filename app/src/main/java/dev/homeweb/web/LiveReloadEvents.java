package dev.homeweb.web;

import com.google.gson.JsonObject;
import dev.homeweb.site.PreviewStatus;
import dev.homeweb.site.StaticAssets;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local preview's event stream and the script that reads it: each open page hears the site's
 * version and the current content error at once, and again whenever either changes. Only {@code
 * serve --preview} makes one.
 */
final class LiveReloadEvents implements AutoCloseable {
    /** Below Jetty's idle timeout (30 s), so a quiet stream is not cut and reconnected. */
    private static final long PING_SECONDS = 15;

    private final PreviewStatus status;
    private final byte[] script;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pings =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        var thread = new Thread(r, "live-reload-pings");
                        thread.setDaemon(true);
                        return thread;
                    });

    LiveReloadEvents(PreviewStatus status) {
        this.status = status;
        this.script = StaticAssets.resource("static/live-reload.js");
        status.addListener(this::broadcast);
        pings.scheduleAtFixedRate(
                () -> clients.forEach(c -> c.sendComment("ping")),
                PING_SECONDS,
                PING_SECONDS,
                TimeUnit.SECONDS);
    }

    void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        send(client, status.current());
    }

    void script(Context ctx) {
        ctx.header("Cache-Control", "no-cache")
                .contentType("text/javascript; charset=utf-8")
                .result(script);
    }

    private void broadcast(PreviewStatus.State state) {
        clients.forEach(client -> send(client, state));
    }

    private static void send(SseClient client, PreviewStatus.State state) {
        var json = new JsonObject();
        json.addProperty("version", state.version());
        json.addProperty("error", state.error().orElse(null));
        client.sendEvent("state", json.toString());
    }

    @Override
    public void close() {
        pings.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
