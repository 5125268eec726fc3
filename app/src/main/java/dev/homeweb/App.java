package dev.homeweb;

import dev.homeweb.cli.Application;
import dev.homeweb.config.AppConfig;
import dev.homeweb.config.PreviewMode;
import dev.homeweb.config.SiteYaml;
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
import dev.homeweb.posts.PostRepository;
import dev.homeweb.site.SnapshotFile;
import dev.homeweb.site.Theme;
import dev.homeweb.web.WebServer;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/**
 * The composition root: builds config, database, services and web server with constructors, in that
 * order. Each command opens what it needs and closes it again.
 */
public final class App implements Application {
    private final AppConfig config;
    private final Optional<String> releaseId;
    private final DatabasePreparation preparation;
    private final ServerWiring wiring;

    public App(AppConfig config, PrintWriter out, Clock clock, Optional<String> releaseId) {
        this.config = config;
        this.releaseId = releaseId;
        this.preparation = new DatabasePreparation(config, out);
        this.wiring = new ServerWiring(config, out, clock, releaseId);
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
                var report = DatabasePreparation.importer(db).importFrom(config.contentDir());
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
            return ClosingOnFailure.run(
                    db::close,
                    () -> {
                        // The local preview imports once it watches, so that no save falls between.
                        preparation.prepare(db, !mode.liveReload());
                        return wiring.wire(db, snapshot, mode, look);
                    });
        }
        var db = ConnectedDatabase.unchecked(url.get());
        return ClosingOnFailure.run(
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
                        return wiring.wireSaved(db, snapshot.get(), saved.get(), e, look);
                    }
                    preparation.prepare(db, true);
                    return wiring.wire(db, snapshot, mode, look);
                });
    }

    private Look look() {
        return Look.of(config.contentDir());
    }

    /**
     * The running server and what it holds open.
     *
     * @param stopContent stops what keeps the site in step with the database
     * @param databaseDescription where the posts came from, for the startup message
     */
    public record Server(
            WebServer web,
            Runnable stopContent,
            ConnectedDatabase db,
            String databaseDescription,
            int postCount)
            implements Application.Running {
        @Override
        public int port() {
            return web.port();
        }

        @Override
        public void close() {
            web.close();
            stopContent.run();
            db.close();
        }
    }
}
