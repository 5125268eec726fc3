package dev.homeweb.cli;

import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the HTTP server.",
            "With no database configured it uses the embedded PostgreSQL and migrates and imports the content first;"
                    + " with an external database it refuses to start while migrations are pending."
        })
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand HomeWebCommand parent;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin ServerOptions server;
    @Mixin HttpsOptions https;

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        var config = parent.config(CommonOptions.given(spec));
        var running = parent.app(config, out).serve();
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
        out.flush();
        stopped.await();
        return 0;
    }
}
