package dev.homeweb;

import dev.homeweb.config.AppConfig;
import dev.homeweb.content.ContentException;
import dev.homeweb.content.ContentImporter;
import dev.homeweb.content.ContentReader;
import dev.homeweb.content.MarkdownRenderer;
import dev.homeweb.db.ConnectedDatabase;
import dev.homeweb.db.Migrations;
import dev.homeweb.db.PackagedMigrations;
import java.io.PrintWriter;

/** Brings a database to where serving may start, or refuses one that is behind. */
record DatabasePreparation(AppConfig config, PrintWriter out) {
    /**
     * Refuses an external database whose schema is behind; migrates the embedded one and, when
     * asked, loads the content folder into it.
     *
     * @param importContent whether to load the content folder into an embedded database
     */
    void prepare(ConnectedDatabase db, boolean importContent) {
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

    static void requireCurrentSchema(ConnectedDatabase db) {
        PackagedMigrations.find().requireAppliedIn(db.database().dataSource());
    }

    static ContentImporter importer(ConnectedDatabase db) {
        return new ContentImporter(
                db.database().dsl(), new ContentReader(), new MarkdownRenderer());
    }
}
