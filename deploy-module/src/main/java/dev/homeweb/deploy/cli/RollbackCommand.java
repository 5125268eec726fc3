package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.rollout.Rollout;
import dev.homeweb.deploy.rollout.RunSummary;
import dev.homeweb.deploy.rollout.StepReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description =
                "Switch back to the previous good release (or --to RELEASE), restart and health-check it.")
final class RollbackCommand extends NodesCommand {
    @Option(names = "--to", paramLabel = "RELEASE", description = "Release id to go back to.")
    String to;

    @Option(
            names = "--force",
            description =
                    "Roll back even past a migration the older release does not know and that is"
                            + " not declared backward compatible.")
    boolean force;

    @Override
    int run(DeployConfig config, List<NodeConfig> selected) {
        var admin = parent.admin(config);
        var reporter = new StepReporter(parent.out(), parent.clock());
        var results = new ArrayList<dev.homeweb.deploy.rollout.NodeResult>();
        for (var node : selected) {
            results.add(
                    admin.rollback(
                            node,
                            Optional.ofNullable(to),
                            parent.me(to == null ? "rollback" : to),
                            force,
                            reporter.forNode(node.name())));
        }
        parent.out().println();
        parent.out().print(RunSummary.text(results));
        parent.out().flush();
        return Rollout.exitCode(results);
    }
}
