package dev.homeweb.deploy;

import dev.homeweb.deploy.cli.DeployCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Entry point of the deploy tool; {@code ./deploy} at the repository root runs it. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code =
                DeployCommand.commandLine(System.getenv(), Clock.systemUTC(), out, err)
                        .execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
