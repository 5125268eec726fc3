package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.units.UnitFileRenderer;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
        name = "units",
        mixinStandardHelpOptions = true,
        description = "Print the generated systemd units and scripts for each node, offline.")
final class UnitsCommand extends NodesCommand {
    @Override
    int run(DeployConfig config, List<NodeConfig> selected) {
        var renderer = new UnitFileRenderer(config.settings().confirmTimeout());
        var out = parent.out();
        for (var node : selected) {
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
