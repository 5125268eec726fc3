package dev.homeweb.cli;

import dev.homeweb.routes.Routes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "healthcheck",
        mixinStandardHelpOptions = true,
        description =
                "Probe a running server's /healthz; exit 0 when it answers 200 (for container HEALTHCHECKs).")
final class HealthcheckCommand implements Callable<Integer> {
    @ParentCommand HomeWebCommand parent;
    @Spec CommandSpec spec;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Default: http://127.0.0.1:$HOME_WEB_PORT/healthz (port 8080).")
    String url;

    @Override
    public Integer call() throws InterruptedException {
        var target =
                url != null
                        ? url
                        : "http://127.0.0.1:"
                                + parent.environment().getOrDefault("HOME_WEB_PORT", "8080")
                                + Routes.HEALTH;
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            var response =
                    client.send(
                            HttpRequest.newBuilder(URI.create(target))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            spec.commandLine().getOut().println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200 ? 0 : HomeWebCommand.EXIT_FAILURE;
        } catch (IOException e) {
            spec.commandLine()
                    .getErr()
                    .println("healthcheck: " + target + " unreachable: " + e.getMessage());
            return HomeWebCommand.EXIT_FAILURE;
        }
    }
}
