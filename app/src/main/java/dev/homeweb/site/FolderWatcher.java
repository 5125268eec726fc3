package dev.homeweb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches folders and everything below them, and runs an action once they have been quiet for a
 * moment: an editor's save is often several events (a temporary file, a rename, a modify), and one
 * import should follow it, not three. Folders that do not exist are not watched.
 */
final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final WatchService watch;
    private final Duration quiet;
    private final Consumer<Set<Path>> changed;
    private final Thread thread;

    /**
     * @param changed given the folders in which something changed
     */
    FolderWatcher(List<Path> roots, Duration quiet, Consumer<Set<Path>> changed) {
        this.quiet = quiet;
        this.changed = changed;
        try {
            this.watch = FileSystems.getDefault().newWatchService();
            for (var root : roots) {
                if (Files.isDirectory(root)) {
                    register(root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + roots, e);
        }
        this.thread = new Thread(this::run, "folder-watcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void register(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (var dir : tree.filter(Files::isDirectory).toList()) {
                dir.register(
                        watch,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                var key = watch.take();
                // Drain until the folders have been quiet for a moment, then act once.
                var dirs = new HashSet<Path>();
                while (key != null) {
                    dirs.add((Path) key.watchable());
                    handle(key);
                    key = watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                }
                try {
                    changed.accept(Set.copyOf(dirs));
                } catch (RuntimeException e) {
                    LOG.error("acting on a change in the watched folders failed", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: stop.
        }
    }

    private void handle(java.nio.file.WatchKey key) {
        var dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (event.context() instanceof Path name
                    && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                var created = dir.resolve(name);
                if (Files.isDirectory(created)) {
                    try {
                        register(created);
                    } catch (IOException e) {
                        LOG.warn("cannot watch the new folder {}: {}", created, e.getMessage());
                    }
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            LOG.warn("closing the folder watcher: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
