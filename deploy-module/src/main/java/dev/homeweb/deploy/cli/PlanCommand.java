package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.NodeConfig;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description =
                "Show what a deploy would change on each node (unit diffs, upload size, secrets by hash, new migrations); change nothing.")
final class PlanCommand extends NodesCommand {
    @Override
    int run(DeployConfig config, List<NodeConfig> selected) {
        return parent.plan(config, selected);
    }
}
