package dev.homeweb.site;

import dev.homeweb.content.ContentException;
import dev.homeweb.content.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The local preview's loop: a save under the content or theme folder imports the content again; a
 * refused import is said in the terminal and in the open pages' banner, and the site keeps the last
 * good version. A changed import reloads the site through the database's notification, like any
 * other import.
 */
public final class LivePreview implements AutoCloseable {
    /** Long enough to gather one save's events, short enough to go unnoticed. */
    static final Duration QUIET = Duration.ofMillis(200);

    private final Supplier<ImportReport> importer;
    private final PrintWriter out;
    private final PreviewStatus status;
    private final FolderWatcher watcher;

    /**
     * @param contentDir the content folder
     * @param themeDir the theme folder, watched when it exists
     * @param importer imports the content folder, all or nothing
     * @param out the terminal
     * @param reloadSite re-renders the site from the database: a theme change alters no post, so no
     *     import announces it
     */
    public LivePreview(
            Path contentDir,
            Path themeDir,
            Supplier<ImportReport> importer,
            PrintWriter out,
            PreviewStatus status,
            Runnable reloadSite) {
        this.importer = importer;
        this.out = out;
        this.status = status;
        var theme = themeDir.toAbsolutePath();
        this.watcher =
                new FolderWatcher(
                        List.of(contentDir.toAbsolutePath(), theme),
                        QUIET,
                        dirs -> {
                            if (importNow() && dirs.stream().anyMatch(d -> d.startsWith(theme))) {
                                reloadSite.run();
                            }
                        });
    }

    public void start() {
        watcher.start();
    }

    /**
     * Imports the content folder now; says what changed, or every problem found.
     *
     * @return whether the import went through
     */
    public boolean importNow() {
        try {
            var report = importer.get();
            if (report.changedAnything()) {
                say("Imported: " + report);
            }
            status.imported();
            return true;
        } catch (ContentException e) {
            say(e.getMessage() + "\nStill serving the last good version.");
            status.importFailed(e.getMessage());
            return false;
        }
    }

    private void say(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    @Override
    public void close() {
        watcher.close();
    }
}
