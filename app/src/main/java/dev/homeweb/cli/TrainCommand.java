package dev.homeweb.cli;

import dev.homeweb.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;

/**
 * The training run of a release's ahead-of-time cache (JDK 25's {@code -XX:AOTCacheOutput}): the
 * deploy tool runs it once per server jar and runtime, and the JVM writes down at exit every class
 * it loaded and linked and the methods' profiles, which every later start of the server (and of
 * import) then maps instead of loading, linking and profiling again.
 *
 * <p>It runs what a node runs, against a real PostgreSQL of its own (the embedded one, in a
 * temporary folder). A JVM of its own imports a few sample posts into it first, as a node's import
 * unit does: Flyway, jOOQ and the import's writes stay out of the server's cache, which every start
 * maps (trained here too, they made it 75 MB instead of 39). Then this JVM starts the server over
 * that database and asks for every page the index links to, plain, gzipped and revalidated; and
 * starts it once more, as a node does while its database is away, from the site snapshot the first
 * one saved. Trained without a database, a start would load and profile the driver, its queries and
 * the snapshot's load itself, some 0.1 s of a 1.1 s start. Where the embedded PostgreSQL cannot
 * start, the second half still runs, from a snapshot written here.
 *
 * <p>The import's JVM trains the cache of the one-shot units (migrate, import) when the deploy tool
 * asks for one: {@value #IMPORT_CACHE} names the file, {@value #IMPORT_JAVA_OPTIONS} the units' JVM
 * options (space-separated; they never hold spaces). Flyway, jOOQ, SnakeYAML and CommonMark are
 * then mapped, not loaded: a one-post import 1.6 -> 0.9 s. System properties, not picocli options:
 * every start of the server pays for each option's annotations.
 */
@Command(
        name = "train",
        hidden = true,
        description = "The training run of the release's AOT cache (run by the deploy tool).")
final class TrainCommand extends AppCommand {
    static final String IMPORT_CACHE = "home-web.train.import-cache";
    static final String IMPORT_JAVA_OPTIONS = "home-web.train.import-java-options";

    @Override
    public Integer call() throws IOException {
        var out = out();
        var work = Files.createTempDirectory("home-web-train-");
        try {
            var workload = new TrainingWorkload(work);
            var state = Files.createDirectories(work.resolve("state"));
            var options = new HashMap<String, String>();
            options.put("port", "0");
            options.put("bind", "127.0.0.1");
            options.put("content", workload.writeContent().toString());
            options.put("state-dir", state.toString());
            var data = work.resolve("data");
            var postgres = importInto(data, options.get("content"), out);
            if (postgres.isPresent()) {
                try (var database = postgres.get()) {
                    options.put(
                            "database-url-file",
                            workload.writeDatabaseUrl(database.port()).toString());
                    serveAndAsk(parent.app(options, out), workload, out);
                }
            } else {
                workload.writeSnapshot(state);
            }
            // PostgreSQL is gone now: the server starts from the snapshot.
            options.put("database-url-file", workload.writeUnreachableDatabaseUrl().toString());
            serveAndAsk(parent.app(options, out), workload, out);
            out.flush();
            return 0;
        } finally {
            try {
                PathUtils.deleteDirectory(work);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + work, e);
            }
        }
    }

    /**
     * Runs {@code home-web import} with the embedded default in {@code data} (it unpacks the
     * binaries, creates the cluster, migrates and imports), then starts that PostgreSQL here; or
     * nothing, said why, where this machine cannot run it.
     */
    private static Optional<EmbeddedDatabase> importInto(Path data, String content, PrintWriter out)
            throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var jar = System.getProperty("java.class.path");
        var log = data.resolveSibling("import.log");
        var command = new ArrayList<String>();
        command.add(java);
        var cache = System.getProperty(IMPORT_CACHE, "");
        if (!cache.isBlank()) {
            var options = System.getProperty(IMPORT_JAVA_OPTIONS, "").strip();
            if (!options.isEmpty()) {
                command.addAll(List.of(options.split("\\s+")));
            }
            command.add("-XX:AOTCacheOutput=" + cache);
            // The cache is written by a second JVM at exit; its notes are not problems.
            command.add("-Xlog:aot=error,cds=error");
        }
        command.addAll(
                List.of(
                        "-jar",
                        jar,
                        "import",
                        "--content",
                        content,
                        "--data-dir",
                        data.toString()));
        try {
            var process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            if (process.waitFor() != 0) {
                out.println(
                        "training without a database: the embedded import failed: "
                                + Files.readString(log).strip());
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the training import", e);
        }
        try {
            return Optional.of(EmbeddedDatabase.start(data));
        } catch (RuntimeException e) {
            out.println("training without a database: the embedded PostgreSQL did not start: " + e);
            return Optional.empty();
        }
    }

    private static void serveAndAsk(Application app, TrainingWorkload workload, PrintWriter out) {
        try (var running = app.serve()) {
            int responses = workload.requestPages(running.port());
            out.printf(
                    "trained on %d responses of a server of %d posts from %s%n",
                    responses, running.postCount(), running.databaseDescription());
        }
    }
}
