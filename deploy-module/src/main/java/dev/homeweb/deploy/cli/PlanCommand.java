package dev.homeweb.deploy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description =
                "Show what a deploy would change on each node (unit diffs, upload size, secrets by hash, new migrations); change nothing.")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand DeployCommand parent;

    @Parameters(paramLabel = "NODE", arity = "0..*", description = "Default: every node.")
    List<String> nodes = new ArrayList<>();

    @Override
    public Integer call() {
        var config = parent.config();
        return parent.plan(config, config.select(nodes));
    }
}
