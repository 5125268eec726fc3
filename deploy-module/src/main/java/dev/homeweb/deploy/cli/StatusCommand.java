package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.NodeConfig;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description =
                "Current and previous releases, unit state, lock and last deploys of each node.")
final class StatusCommand extends NodesCommand {
    @Override
    int run(DeployConfig config, List<NodeConfig> selected) {
        var admin = parent.admin(config);
        for (var node : selected) {
            parent.out().print(admin.status(node));
            parent.out().flush();
        }
        return ExitCode.OK;
    }
}
