package dev.homeweb.site;

import dev.homeweb.config.ConfigException;
import dev.homeweb.content.ContentException;
import dev.homeweb.content.ImportReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The local preview's loop: a save under the content folder imports the content again; a save in
 * the theme folder or of {@code content/site.yaml} loads the look again and renders the site with
 * it. A refused import, template or site.yaml is said in the terminal and in the open pages'
 * banner, and the site keeps the last good version. A changed import reloads the site through the
 * database's notification, like any other import.
 */
public final class LivePreview implements AutoCloseable {
    /** Long enough to gather one save's events, short enough to go unnoticed. */
    static final Duration QUIET = Duration.ofMillis(200);

    private final Supplier<ImportReport> importer;
    private final PrintWriter out;
    private final PreviewStatus status;
    private final Runnable restyle;
    private final FolderWatcher watcher;

    /**
     * @param contentDir the content folder
     * @param themeDir the theme folder, watched when it exists
     * @param importer imports the content folder, all or nothing
     * @param out the terminal
     * @param restyle loads the theme and site.yaml again and renders the site with them; throws
     *     {@link ConfigException} or {@link ContentException} naming file and line when one is
     *     broken, having changed nothing
     */
    public LivePreview(
            Path contentDir,
            Path themeDir,
            Supplier<ImportReport> importer,
            PrintWriter out,
            PreviewStatus status,
            Runnable restyle) {
        this.importer = importer;
        this.out = out;
        this.status = status;
        this.restyle = restyle;
        var theme = themeDir.toAbsolutePath();
        var content = contentDir.toAbsolutePath();
        this.watcher =
                new FolderWatcher(
                        List.of(content, theme),
                        QUIET,
                        dirs -> {
                            // site.yaml sits in the content folder itself, the posts below it.
                            if (dirs.stream()
                                    .anyMatch(d -> d.startsWith(theme) || d.equals(content))) {
                                restyleNow();
                            }
                            importNow();
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

    /**
     * Loads the theme and site.yaml again and renders the site with them, or says what is wrong.
     *
     * @return whether the new look is in use
     */
    public boolean restyleNow() {
        try {
            restyle.run();
            status.themeLoaded();
            say("Theme reloaded.");
            return true;
        } catch (ConfigException | ContentException | UncheckedIOException e) {
            say(e.getMessage() + "\nStill serving the last good theme.");
            status.themeFailed(e.getMessage());
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
