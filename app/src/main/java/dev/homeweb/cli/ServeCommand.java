package dev.homeweb.cli;

import dev.homeweb.config.PreviewMode;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the HTTP server.",
            "With no database configured it uses the embedded PostgreSQL and migrates and imports the content first;"
                    + " with an external database it refuses to start while migrations are pending."
        })
final class ServeCommand extends AppCommand {
    @Mixin ServerOptions server;
    @Mixin HttpsOptions https;

    @Option(
            names = "--preview",
            description = {
                "The writer's local preview (what ./run starts): import the content folder on every"
                        + " save under it (or under theme/ beside it), reload open pages, show a"
                        + " content error on the page while the last good version keeps serving,"
                        + " and list drafts. Never for a deployed site: it adds a script and an"
                        + " event stream."
            })
    boolean preview;

    @Option(
            names = "--no-drafts",
            description = "With --preview: hide drafts, as the deployed site does.")
    boolean noDrafts;

    @Override
    public Integer call() throws InterruptedException {
        var mode = PreviewMode.from(preview, noDrafts);
        var out = out();
        var config = config();
        var running = parent.app(config, out).serve(mode);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    running.close();
                                    stopped.countDown();
                                },
                                "shutdown"));
        out.printf(
                "home-web is serving %d posts from %s%nOpen %s/ (listening on %s:%d)%n",
                running.postCount(),
                running.databaseDescription(),
                config.port() == 0
                        ? "http://" + config.bind() + ":" + running.port()
                        : config.baseUrl(),
                config.bind(),
                running.port());
        if (mode.liveReload()) {
            out.println(
                    "Previewing: saving a file under "
                            + config.contentDir()
                            + " reloads the open pages"
                            + (mode.listDrafts() ? "; drafts are listed" : "; drafts are hidden"));
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
