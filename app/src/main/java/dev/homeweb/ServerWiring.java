package dev.homeweb;

import dev.homeweb.config.AppConfig;
import dev.homeweb.config.PreviewMode;
import dev.homeweb.config.SiteSettings;
import dev.homeweb.db.ConnectedDatabase;
import dev.homeweb.db.ConnectionFailed;
import dev.homeweb.files.FileLibrary;
import dev.homeweb.files.SavedFiles;
import dev.homeweb.health.BuildInfo;
import dev.homeweb.health.HealthCheck;
import dev.homeweb.posts.PostRepository;
import dev.homeweb.site.ContentWatcher;
import dev.homeweb.site.DatabaseCatchUp;
import dev.homeweb.site.LivePreview;
import dev.homeweb.site.PreviewStatus;
import dev.homeweb.site.Renderers;
import dev.homeweb.site.Site;
import dev.homeweb.site.SnapshotFile;
import dev.homeweb.site.StaticAssets;
import dev.homeweb.tls.Listeners;
import dev.homeweb.web.SearchPage;
import dev.homeweb.web.SecurityHeaders;
import dev.homeweb.web.WebServer;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the services and the web server over a prepared database, or over a saved snapshot while
 * the database is away; whatever a step opened closes again when a later step fails.
 */
record ServerWiring(AppConfig config, PrintWriter out, Clock clock, Optional<String> releaseId) {
    App.Server wire(
            ConnectedDatabase db, Optional<SnapshotFile> snapshot, PreviewMode mode, Look look) {
        var parts = new Parts(db, snapshot, mode, look);
        // Listen before the first load, so no import can fall between the two.
        var watcher = new ContentWatcher(db.database(), parts.site);
        watcher.start();
        var live = mode.liveReload() ? Optional.of(livePreview(db, parts)) : noPreview();
        Runnable stopWatching =
                () -> {
                    live.ifPresent(LivePreview::close);
                    watcher.close();
                };
        return ClosingOnFailure.run(
                stopWatching,
                () -> {
                    live.ifPresent(
                            preview -> {
                                preview.start();
                                preview.importNow();
                            });
                    parts.site.load();
                    releaseId.ifPresent(parts.site::loadedContent);
                    var web = parts.startWeb(Optional::empty, live.map(preview -> parts.status));
                    // After the first answer is possible: the file matters only at a later start.
                    parts.site.saveSnapshot();
                    return new App.Server(
                            web, stopWatching, db, db.describe(), parts.site.current().postCount());
                });
    }

    /** Serves the saved posts while the database is away, and catches up when it answers. */
    App.Server wireSaved(
            ConnectedDatabase db,
            SnapshotFile file,
            SnapshotFile.Found saved,
            ConnectionFailed failure,
            Look look) {
        var parts = new Parts(db, Optional.of(file), PreviewMode.OFF, look);
        parts.site.restore(saved.posts());
        // The images and files those pages link to, kept beside the snapshot.
        parts.site.files().restore();
        var catchUp =
                new DatabaseCatchUp(
                        db.database(),
                        parts.site,
                        () -> {
                            // First, so an outage is always said the same way, and said once.
                            db.requireConnection();
                            DatabasePreparation.requireCurrentSchema(db);
                        });
        var lag =
                "started without the database; serving the site snapshot saved at "
                        + saved.savedAt();
        return ClosingOnFailure.run(
                catchUp::close,
                () -> {
                    var web =
                            parts.startWeb(
                                    () -> catchUp.caughtUp() ? Optional.empty() : Optional.of(lag),
                                    Optional.empty());
                    var reason = DatabaseCatchUp.reason(failure);
                    catchUp.start(reason);
                    return new App.Server(
                            web,
                            catchUp::close,
                            db,
                            "the site snapshot "
                                    + file.path()
                                    + " of "
                                    + saved.savedAt()
                                    + ", because "
                                    + reason
                                    + "; retrying in the background",
                            saved.posts().size());
                });
    }

    /** Watches content/ and the theme/ beside it, and imports on every save. */
    private LivePreview livePreview(ConnectedDatabase db, Parts parts) {
        var content = config.contentDir();
        var theme = content.toAbsolutePath().getParent().resolve("theme");
        return new LivePreview(
                content,
                theme,
                () -> DatabasePreparation.importer(db).importFrom(content),
                out,
                parts.status,
                parts::restyle);
    }

    private static Optional<LivePreview> noPreview() {
        return Optional.empty();
    }

    /** What serving needs, whichever way the posts arrive. */
    private final class Parts {
        final PostRepository posts;
        final StaticAssets assets;
        final PreviewStatus status = new PreviewStatus();
        final PreviewMode mode;
        final Site site;

        Parts(ConnectedDatabase db, Optional<SnapshotFile> snapshot, PreviewMode mode, Look look) {
            this.mode = mode;
            assets = new StaticAssets(look.theme());
            posts = new PostRepository(db.database().dataSource());
            site =
                    new Site(
                            posts,
                            new FileLibrary(
                                    db.database().dataSource(),
                                    snapshot.map(s -> new SavedFiles(s.path().getParent()))),
                            renderers(look),
                            clock,
                            snapshot,
                            mode.listDrafts(),
                            status::siteReloaded);
        }

        private Renderers renderers(Look look) {
            return Renderers.of(
                    SiteSettings.from(
                            config, look.file(), assets.stylesheetPath(), assets.faviconPath()),
                    look.theme(),
                    mode.liveReload());
        }

        /** The local preview's theme or site.yaml changed: read both again, render with them. */
        void restyle() {
            var look = Look.of(config.contentDir());
            assets.restyle(look.theme());
            site.restyle(renderers(look));
        }

        WebServer startWeb(Supplier<Optional<String>> lag, Optional<PreviewStatus> preview) {
            // Hashing the jar waits for the first health check, not for the first page.
            var health =
                    new HealthCheck(posts, () -> BuildInfo.detect(releaseId), lag, site::contentId);
            return new WebServer(
                            site,
                            assets,
                            health,
                            new SearchPage(
                                    posts,
                                    () -> site.renderers().pages(),
                                    clock,
                                    mode.listDrafts()),
                            new SecurityHeaders(
                                    config.baseUrl(), config.https().hsts(), mode.liveReload()),
                            Listeners.of(config, clock),
                            preview)
                    .start();
        }
    }
}
