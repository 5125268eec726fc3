package dev.homeweb;

import dev.homeweb.cli.HomeWebCommand;
import java.time.Clock;

/** Entry point of the {@code home-web} jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code;
        try {
            code =
                    HomeWebCommand.commandLine(System.getenv(), Clock.systemUTC(), args)
                            .execute(args);
        } catch (OutOfMemoryError e) {
            // Picocli passes errors through; by now the stack has unwound and its memory is free.
            code = HomeWebCommand.reportOutOfMemory(System.err);
        }
        System.exit(code);
    }
}
