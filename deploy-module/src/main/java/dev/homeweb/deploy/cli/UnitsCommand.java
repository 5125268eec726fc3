package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.units.UnitFileRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "units",
        mixinStandardHelpOptions = true,
        description = "Print the generated systemd units and scripts for each node, offline.")
final class UnitsCommand implements Callable<Integer> {
    @ParentCommand DeployCommand parent;

    @Parameters(paramLabel = "NODE", arity = "0..*", description = "Default: every node.")
    List<String> nodes = new ArrayList<>();

    @Override
    public Integer call() {
        var config = parent.config();
        var renderer = new UnitFileRenderer(config.settings().confirmTimeout());
        var out = parent.out();
        for (var node : config.select(nodes)) {
            for (var file : renderer.render(node)) {
                out.println(
                        "# node " + node.name() + ": " + file.path() + " (" + file.mode() + ")");
                out.print(file.text());
                out.println();
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
