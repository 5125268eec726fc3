package dev.homeweb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = {
            "Apply pending database migrations and exit.",
            "Safe to run twice and concurrently: a second run waits for the first, then finds nothing to do."
        })
final class MigrateCommand extends AppCommand {
    @Option(
            names = "--status",
            description = "List applied and pending migrations; change nothing.")
    boolean status;

    @Override
    public Integer call() {
        var out = out();
        var app = app();
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
