package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The subcommands that act on some or all nodes: they take the same NODE arguments and select them
 * from the same configuration, so picocli reads both from here (it follows inherited fields).
 */
abstract class NodesCommand implements Callable<Integer> {
    @ParentCommand DeployCommand parent;

    @Parameters(paramLabel = "NODE", arity = "0..*", description = "Default: every node.")
    List<String> nodes = new ArrayList<>();

    @Override
    public final Integer call() {
        var config = parent.config();
        return run(config, config.select(nodes));
    }

    abstract int run(DeployConfig config, List<NodeConfig> selected);
}
