package dev.homeweb;

import dev.homeweb.cli.HomeWebCommand;
import java.time.Clock;
import java.util.Optional;

/** Entry point of the {@code home-web} jar: wires the command line to the composition root. */
public final class Main {
    private static final String REFERENCES_PER_CACHE_LINE =
            "org.eclipse.jetty.util.referencesPerCacheLine";

    private Main() {}

    public static void main(String[] args) {
        tuneJetty();
        var environment = System.getenv();
        var releaseId = Optional.ofNullable(environment.get("HOME_WEB_RELEASE_ID"));
        var clock = Clock.systemUTC();
        int code;
        try {
            code =
                    HomeWebCommand.commandLine(
                                    environment,
                                    (config, out) -> new App(config, out, clock, releaseId),
                                    args)
                            .execute(args);
        } catch (OutOfMemoryError e) {
            // Picocli passes errors through; by now the stack has unwound and its memory is free.
            code = HomeWebCommand.reportOutOfMemory(System.err);
        }
        System.exit(code);
    }

    /**
     * Without it, Jetty's MemoryUtils asks the platform MBean server whether oops are compressed,
     * which starts JMX: some 170 classes loaded for one number. 64-byte cache lines of 4-byte
     * references, as with every heap below 32 GB. Set before any Jetty class loads.
     */
    private static void tuneJetty() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
    }
}
