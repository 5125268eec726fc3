package dev.homeweb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = {
            "Apply pending database migrations and exit.",
            "Safe to run twice and concurrently: a second run waits for the first, then finds nothing to do."
        })
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand HomeWebCommand parent;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(
            names = "--status",
            description = "List applied and pending migrations; change nothing.")
    boolean status;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var app = parent.app(CommonOptions.given(spec), out);
        if (status) {
            for (var m : app.migrationStatus()) {
                out.printf("V%-4s %-10s %s%n", m.version(), m.state(), m.description());
            }
            return 0;
        }
        var applied = app.migrate();
        if (applied.isEmpty()) {
            out.println("Database is up to date; no migrations applied.");
        }
        for (var m : applied) {
            out.printf("Applied V%s %s%n", m.version(), m.description());
        }
        return 0;
    }
}
