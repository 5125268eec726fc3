package dev.homeweb.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;

/**
 * The training run of a release's ahead-of-time cache (JDK 25's {@code -XX:AOTCacheOutput}): the
 * deploy tool runs it once per server jar and runtime, and the JVM writes down at exit every class
 * it loaded and linked and the methods' profiles, which every later start of the server (and of
 * import) then maps instead of loading, linking and profiling again.
 *
 * <p>It needs no database and no network: it writes a few sample posts, reads and renders them as
 * import would, and starts the server as it starts when PostgreSQL is away, from a site snapshot of
 * them in a temporary state directory; then it asks for every page the index links to, plain,
 * gzipped and revalidated. The server's own code does all of it, so the cache holds what a real
 * start loads.
 */
@Command(
        name = "train",
        hidden = true,
        description = "The training run of the release's AOT cache (run by the deploy tool).")
final class TrainCommand extends AppCommand {
    @Override
    public Integer call() throws IOException {
        var out = out();
        var work = Files.createTempDirectory("home-web-train-");
        try {
            var workload = new TrainingWorkload(work);
            var options = new HashMap<String, String>();
            options.put("port", "0");
            options.put("bind", "127.0.0.1");
            options.put("content", workload.writeContent().toString());
            options.put("state-dir", workload.writeSnapshot().toString());
            options.put("database-url-file", workload.writeUnreachableDatabaseUrl().toString());
            options.put("data-dir", work.resolve("data").toString());
            try (var running = parent.app(options, out).serve()) {
                int responses = workload.requestPages(running.port());
                out.printf(
                        "trained on %d responses of a server of %d posts from %s%n",
                        responses, running.postCount(), running.databaseDescription());
            }
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
}
