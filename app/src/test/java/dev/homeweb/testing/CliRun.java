package dev.homeweb.testing;

import dev.homeweb.App;
import dev.homeweb.cli.HomeWebCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** One {@code home-web} command run in this JVM, as {@code Main} runs it: exit code and output. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine =
                HomeWebCommand.commandLine(
                        Map.of(),
                        (config, output) ->
                                new App(config, output, Clock.systemUTC(), Optional.empty()),
                        args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new CliRun(commandLine.execute(args), out.toString(), err.toString());
    }
}
