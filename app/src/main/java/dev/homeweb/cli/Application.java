package dev.homeweb.cli;

import dev.homeweb.config.AppConfig;
import dev.homeweb.content.ImportReport;
import dev.homeweb.db.Migrations;
import java.io.PrintWriter;
import java.util.List;

/**
 * What the commands run. The composition root implements it and hands a {@link Factory} to {@link
 * HomeWebCommand}, so the command line never imports the root that wires it.
 */
public interface Application {
    List<Migrations.Migration> migrate();

    List<Migrations.Migration> migrationStatus();

    ImportReport importContent();

    /**
     * Reads content/site.yaml and compiles the theme, touching nothing else; says what it checked.
     *
     * @throws dev.homeweb.config.ConfigException or {@link dev.homeweb.content.ContentException}
     *     naming the file and line of the first problem
     */
    String checkLook();

    /** Starts serving; the caller closes the result to stop gracefully. */
    Running serve();

    /** A started server and what it holds open. */
    interface Running extends AutoCloseable {
        int port();

        int postCount();

        String databaseDescription();

        @Override
        void close();
    }

    /** Builds the application for one command, from its configuration. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param out where the command reports progress
         */
        Application create(AppConfig config, PrintWriter out);
    }
}
