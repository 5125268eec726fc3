package dev.homeweb;

import dev.homeweb.cli.HomeWebCommand;
import java.time.Clock;

/** Entry point of the {@code home-web} jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code =
                HomeWebCommand.commandLine(System.getenv(), Clock.systemUTC(), args).execute(args);
        System.exit(code);
    }
}
