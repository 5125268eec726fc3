package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.rollout.Rollout;
import dev.homeweb.deploy.rollout.RunSummary;
import dev.homeweb.deploy.rollout.StepReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description =
                "Switch back to the previous good release (or --to RELEASE), restart and health-check it.")
final class RollbackCommand implements Callable<Integer> {
    @ParentCommand DeployCommand parent;

    @Option(names = "--to", paramLabel = "RELEASE", description = "Release id to go back to.")
    String to;

    @Parameters(paramLabel = "NODE", arity = "0..*", description = "Default: every node.")
    List<String> nodes = new ArrayList<>();

    @Override
    public Integer call() {
        var config = parent.config();
        var admin = parent.admin(config);
        var reporter = new StepReporter(parent.out(), parent.clock());
        var results = new ArrayList<dev.homeweb.deploy.rollout.NodeResult>();
        for (var node : config.select(nodes)) {
            results.add(
                    admin.rollback(
                            node,
                            Optional.ofNullable(to),
                            parent.me(to == null ? "rollback" : to),
                            reporter.forNode(node.name())));
        }
        parent.out().println();
        parent.out().print(RunSummary.text(results));
        parent.out().flush();
        return Rollout.exitCode(results);
    }
}
