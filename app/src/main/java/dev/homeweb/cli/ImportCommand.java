package dev.homeweb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Load the content folder into the database and exit.",
            "Every file is validated first; on any error nothing changes and a running server keeps its content."
        })
final class ImportCommand implements Callable<Integer> {
    @ParentCommand HomeWebCommand parent;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var report = parent.app(common.toMap(), out).importContent();
        out.println("Imported: " + report);
        return 0;
    }
}
