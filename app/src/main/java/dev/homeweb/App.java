package dev.homeweb;

import dev.homeweb.cli.Application;
import dev.homeweb.config.AppConfig;
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
import dev.homeweb.db.Migrations;
import dev.homeweb.db.PackagedMigrations;
import dev.homeweb.db.SingleConnectionDatabase;
import dev.homeweb.files.FileLibrary;
import dev.homeweb.health.BuildInfo;
import dev.homeweb.health.HealthCheck;
import dev.homeweb.posts.PostRepository;
import dev.homeweb.site.ContentWatcher;
import dev.homeweb.site.Renderers;
import dev.homeweb.site.Site;
import dev.homeweb.site.StaticAssets;
import dev.homeweb.site.Theme;
import dev.homeweb.tls.Listeners;
import dev.homeweb.web.SearchPage;
import dev.homeweb.web.SecurityHeaders;
import dev.homeweb.web.WebServer;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
    public ImportReport importContent() {
        // A broken site.yaml or template stops the import before the database is touched.
        look();
        var url = config.databaseUrl();
        if (url.isEmpty()) {
            try (var db = ConnectedDatabase.open(config)) {
                new Migrations(db.database().dataSource()).migrate();
                return importer(db).importFrom(config.contentDir());
            }
        }
        // One connection, no pool; no Flyway and no jOOQ unless something changed.
        var runner = ImportRunner.start(new ContentReader(), config.contentDir());
        try (var db = SingleConnectionDatabase.open(url.get())) {
            PackagedMigrations.find().requireAppliedOn(db.connection());
            return runner.finish(
                    db.connection(),
                    () -> new ContentImporter(db.dsl(), runner.reader(), new MarkdownRenderer()));
        }
    }

    /** A started server; {@link Server#close()} stops it gracefully. */
    @Override
    public Server serve() {
        var look = look();
        var db = ConnectedDatabase.open(config);
        return closingOnFailure(
                db::close,
                () -> {
                    prepare(db);
                    return wire(db, look);
                });
    }

    /** The settings and templates that travel with the content, read and compiled. */
    private record Look(SiteYaml file, Theme theme) {}

    private Look look() {
        return new Look(
                new SiteYamlReader().read(config.contentDir()),
                Theme.load(Theme.folderFor(config.contentDir())));
    }

    /** Brings the database to where serving may start, or refuses one that is behind. */
    private void prepare(ConnectedDatabase db) {
        if (!db.isEmbedded()) {
            // One query, not Flyway: starting Flyway costs more than the rest of start-up.
            PackagedMigrations.find().requireAppliedIn(db.database().dataSource());
            return;
        }
        // The one-command demo: bring the embedded database up to date and load content/.
        new Migrations(db.database().dataSource()).migrate();
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

    private Server wire(ConnectedDatabase db, Look look) {
        var posts = new PostRepository(db.database().dataSource());
        var assets = new StaticAssets(look.theme());
        var renderers =
                Renderers.of(
                        SiteSettings.from(
                                config, look.file(), assets.stylesheetPath(), assets.faviconPath()),
                        look.theme());
        var site = new Site(posts, new FileLibrary(db.database().dataSource()), renderers, clock);
        // Listen before the first load, so no import can fall between the two.
        var watcher = new ContentWatcher(db.database(), site);
        watcher.start();
        return closingOnFailure(
                watcher::close,
                () -> {
                    site.reload();
                    // Hashing the jar waits for the first health check, not for the first page.
                    var health = new HealthCheck(posts, () -> BuildInfo.detect(releaseId));
                    var web =
                            new WebServer(
                                            site,
                                            assets,
                                            health,
                                            new SearchPage(posts, renderers.pages(), clock),
                                            new SecurityHeaders(
                                                    config.baseUrl(), config.https().hsts()),
                                            Listeners.of(config, clock))
                                    .start();
                    return new Server(web, watcher, db, site.current().postCount());
                });
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
        private final ContentWatcher watcher;
        private final ConnectedDatabase db;
        private final int postCount;

        Server(WebServer web, ContentWatcher watcher, ConnectedDatabase db, int postCount) {
            this.web = web;
            this.watcher = watcher;
            this.db = db;
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
            return db.describe();
        }

        @Override
        public void close() {
            web.close();
            watcher.close();
            db.close();
        }
    }
}
