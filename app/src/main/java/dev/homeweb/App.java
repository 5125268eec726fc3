package dev.homeweb;

import dev.homeweb.cli.Application;
import dev.homeweb.config.AppConfig;
import dev.homeweb.config.PreviewMode;
import dev.homeweb.config.SiteSettings;
import dev.homeweb.config.SiteYaml;
import dev.homeweb.content.ContentException;
import dev.homeweb.content.ContentImporter;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.ImportReport;
import dev.homeweb.content.ImportRunner;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.content.SiteYamlReader;
import dev.homeweb.db.ConnectedDatabase;
import dev.homeweb.db.ConnectionFailed;
import dev.homeweb.db.Database;
import dev.homeweb.db.Migrations;
import dev.homeweb.db.PackagedMigrations;
import dev.homeweb.db.SingleConnectionDatabase;
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
import dev.homeweb.site.Theme;
import dev.homeweb.tls.Listeners;
import dev.homeweb.web.SearchPage;
import dev.homeweb.web.SecurityHeaders;
import dev.homeweb.web.WebServer;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;

/**
 * The composition root: builds config, database, services and web server with constructors, in that
 * order. Each command opens what it needs and closes it again.
 */
public final class App implements Application {
    private final AppConfig config;
    private final PrintWriter out;
    private final Clock clock;
    private final Optional<String> releaseId;

    public App(AppConfig config, PrintWriter out, Clock clock, Optional<String> releaseId) {
        this.config = config;
        this.out = out;
        this.clock = clock;
        this.releaseId = releaseId;
    }

    @Override
    public List<Migrations.Migration> migrate() {
        try (var db = ConnectedDatabase.open(config)) {
            return new Migrations(db.database().dataSource()).migrate();
        }
    }

    @Override
    public List<Migrations.Migration> migrationStatus() {
        try (var db = ConnectedDatabase.open(config)) {
            return new Migrations(db.database().dataSource()).status();
        }
    }

    @Override
    public String checkLook() {
        var look = look();
        var folder = Theme.folderFor(config.contentDir());
        return "content/"
                + SiteYamlReader.FILE_NAME
                + (look.file().equals(SiteYaml.NONE) ? " (none)" : "")
                + " and theme "
                + (java.nio.file.Files.isDirectory(folder) ? folder : "(shipped)")
                + " are fine";
    }

    @Override
    public Imported importContent() {
        // A broken site.yaml or template stops the import before the database is touched.
        look();
        var url = config.databaseUrl();
        if (url.isEmpty()) {
            try (var db = ConnectedDatabase.open(config)) {
                new Migrations(db.database().dataSource()).migrate();
                var report = importer(db).importFrom(config.contentDir());
                try (var connection = db.database().dataSource().getConnection()) {
                    announce(connection);
                }
                return imported(report, new PostRepository(db.database().dataSource()));
            } catch (SQLException e) {
                throw new DataAccessException("announcing the content: " + e.getMessage(), e);
            }
        }
        // One connection, no pool; no Flyway and no jOOQ unless something changed.
        var runner = ImportRunner.start(new ContentReader(), config.contentDir());
        try (var db = SingleConnectionDatabase.open(url.get())) {
            PackagedMigrations.find().requireAppliedOn(db.connection());
            var report =
                    runner.finish(
                            db.connection(),
                            () ->
                                    new ContentImporter(
                                            db.dsl(), runner.reader(), new MarkdownRenderer()));
            announce(db.connection());
            return imported(report, new PostRepository(db.connection()));
        } catch (SQLException e) {
            throw new DataAccessException("announcing the content: " + e.getMessage(), e);
        }
    }

    /**
     * After the import committed, tells running servers which release's content the database now
     * holds, changed or not: a deploy that changed only content waits for {@code /healthz} to show
     * it instead of restarting the server.
     */
    private void announce(Connection connection) throws SQLException {
        if (releaseId.isPresent()) {
            Database.announceContent(connection, releaseId.get());
        }
    }

    /** The report with every draft's preview address, as the committed import left them. */
    private Imported imported(ImportReport report, PostRepository posts) {
        return new Imported(
                report,
                posts.draftPreviews().stream()
                        .map(d -> new Preview(d.sourcePath(), config.absolute(d.path())))
                        .toList());
    }

    /**
     * A started server; {@link Server#close()} stops it gracefully. With an external database and a
     * state directory, a start while the database cannot be reached serves the site snapshot saved
     * there and catches up in the background; without a usable snapshot it fails as before.
     */
    @Override
    public Server serve() {
        return serve(PreviewMode.OFF);
    }

    @Override
    public Server serve(PreviewMode mode) {
        var look = look();
        var url = config.databaseUrl();
        var snapshot = url.flatMap(u -> config.stateDir()).map(SnapshotFile::new);
        if (url.isEmpty() || snapshot.isEmpty()) {
            var db = ConnectedDatabase.open(config);
            return closingOnFailure(
                    db::close,
                    () -> {
                        // The local preview imports once it watches, so that no save falls between.
                        prepare(db, !mode.liveReload());
                        return wire(db, snapshot, mode, look);
                    });
        }
        var db = ConnectedDatabase.unchecked(url.get());
        return closingOnFailure(
                db::close,
                () -> {
                    try {
                        db.requireConnection();
                    } catch (ConnectionFailed e) {
                        var saved = snapshot.get().usable();
                        if (saved.isEmpty()) {
                            // Nothing to serve: fail, and let systemd try again, as before.
                            throw e;
                        }
                        return wireSaved(db, snapshot.get(), saved.get(), e, look);
                    }
                    prepare(db, true);
                    return wire(db, snapshot, mode, look);
                });
    }

    /** The settings and templates that travel with the content, read and compiled. */
    private record Look(SiteYaml file, Theme theme) {}

    private Look look() {
        return new Look(
                new SiteYamlReader().read(config.contentDir()),
                Theme.load(Theme.folderFor(config.contentDir())));
    }

    /**
     * Brings the database to where serving may start, or refuses one that is behind.
     *
     * @param importContent whether to load the content folder into an embedded database
     */
    private void prepare(ConnectedDatabase db, boolean importContent) {
        if (!db.isEmbedded()) {
            // One query, not Flyway: starting Flyway costs more than the rest of start-up.
            requireCurrentSchema(db);
            return;
        }
        // The one-command demo: bring the embedded database up to date and load content/.
        new Migrations(db.database().dataSource()).migrate();
        if (!importContent) {
            return;
        }
        try {
            out.println(
                    "Imported "
                            + config.contentDir()
                            + ": "
                            + importer(db).importFrom(config.contentDir()));
        } catch (ContentException e) {
            out.println("Content not imported, serving what was there before:\n" + e.getMessage());
        }
    }

    private static void requireCurrentSchema(ConnectedDatabase db) {
        PackagedMigrations.find().requireAppliedIn(db.database().dataSource());
    }

    private Server wire(
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
        return closingOnFailure(
                stopWatching,
                () -> {
                    live.ifPresent(
                            preview -> {
                                preview.start();
                                preview.importNow();
                            });
                    parts.site.reload();
                    releaseId.ifPresent(parts.site::loadedContent);
                    var web = parts.startWeb(Optional::empty, live.map(preview -> parts.status));
                    return new Server(
                            web, stopWatching, db, db.describe(), parts.site.current().postCount());
                });
    }

    /** Serves the saved posts while the database is away, and catches up when it answers. */
    private Server wireSaved(
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
                            requireCurrentSchema(db);
                        });
        var lag =
                "started without the database; serving the site snapshot saved at "
                        + saved.savedAt();
        return closingOnFailure(
                catchUp::close,
                () -> {
                    var web =
                            parts.startWeb(
                                    () -> catchUp.caughtUp() ? Optional.empty() : Optional.of(lag),
                                    Optional.empty());
                    var reason = DatabaseCatchUp.reason(failure);
                    catchUp.start(reason);
                    return new Server(
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
                () -> importer(db).importFrom(content),
                out,
                parts.status,
                parts.site::reload);
    }

    private static Optional<LivePreview> noPreview() {
        return Optional.empty();
    }

    /** What serving needs, whichever way the posts arrive. */
    private final class Parts {
        final PostRepository posts;
        final StaticAssets assets;
        final Renderers renderers;
        final PreviewStatus status = new PreviewStatus();
        final PreviewMode mode;
        final Site site;

        Parts(ConnectedDatabase db, Optional<SnapshotFile> snapshot, PreviewMode mode, Look look) {
            this.mode = mode;
            assets = new StaticAssets(look.theme());
            posts = new PostRepository(db.database().dataSource());
            renderers =
                    Renderers.of(
                            SiteSettings.from(
                                    config,
                                    look.file(),
                                    assets.stylesheetPath(),
                                    assets.faviconPath()),
                            look.theme(),
                            mode.liveReload());
            site =
                    new Site(
                            posts,
                            new FileLibrary(
                                    db.database().dataSource(),
                                    snapshot.map(s -> new SavedFiles(s.path().getParent()))),
                            renderers,
                            clock,
                            snapshot,
                            mode.listDrafts(),
                            status::siteReloaded);
        }

        WebServer startWeb(Supplier<Optional<String>> lag, Optional<PreviewStatus> preview) {
            // Hashing the jar waits for the first health check, not for the first page.
            var health =
                    new HealthCheck(posts, () -> BuildInfo.detect(releaseId), lag, site::contentId);
            return new WebServer(
                            site,
                            assets,
                            health,
                            new SearchPage(posts, renderers.pages(), clock, mode.listDrafts()),
                            new SecurityHeaders(
                                    config.baseUrl(), config.https().hsts(), mode.liveReload()),
                            Listeners.of(config, clock),
                            preview)
                    .start();
        }
    }

    /** What {@code body} returns; when it throws instead, {@code close} runs first. */
    private static <T> T closingOnFailure(Runnable close, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            try {
                close.run();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private ContentImporter importer(ConnectedDatabase db) {
        return new ContentImporter(
                db.database().dsl(), new ContentReader(), new MarkdownRenderer());
    }

    /** The running server and what it holds open. */
    public static final class Server implements Application.Running {
        private final WebServer web;
        private final Runnable stopContent;
        private final ConnectedDatabase db;
        private final String source;
        private final int postCount;

        /**
         * @param stopContent stops what keeps the site in step with the database
         * @param source where the posts came from, for the startup message
         */
        Server(
                WebServer web,
                Runnable stopContent,
                ConnectedDatabase db,
                String source,
                int postCount) {
            this.web = web;
            this.stopContent = stopContent;
            this.db = db;
            this.source = source;
            this.postCount = postCount;
        }

        @Override
        public int port() {
            return web.port();
        }

        @Override
        public int postCount() {
            return postCount;
        }

        @Override
        public String databaseDescription() {
            return source;
        }

        @Override
        public void close() {
            web.close();
            stopContent.run();
            db.close();
        }
    }
}
