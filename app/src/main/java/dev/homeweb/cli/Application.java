package dev.homeweb.cli;

import dev.homeweb.config.AppConfig;
import dev.homeweb.config.PreviewMode;
import dev.homeweb.content.ImportReport;
import dev.homeweb.db.Migrations;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/**
 * What the commands run. The composition root implements it and hands a {@link Factory} to {@link
 * HomeWebCommand}, so the command line never imports the root that wires it.
 */
public interface Application {
    List<Migrations.Migration> migrate();

    List<Migrations.Migration> migrationStatus();

    Imported importContent();

    /**
     * Reads content/site.yaml and compiles the theme, touching nothing else; says what it checked.
     *
     * @throws dev.homeweb.config.ConfigException or {@link dev.homeweb.content.ContentException}
     *     naming the file and line of the first problem
     */
    String checkLook();

    /** Starts serving as a deployed site; the caller closes the result to stop gracefully. */
    default Running serve() {
        return serve(PreviewMode.OFF);
    }

    /** Starts serving, as a deployed site or as the local preview. */
    Running serve(PreviewMode mode);

    /**
     * What an import did, and every draft's preview address to share.
     *
     * @param previews absolute URLs, by draft
     */
    record Imported(ImportReport report, List<Preview> previews) {
        public Imported {
            Objects.requireNonNull(report, "report");
            previews = List.copyOf(previews);
        }
    }

    /** A draft's file and its preview page's absolute URL. */
    record Preview(String sourcePath, String url) {}

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
