package dev.homeweb.deploy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description =
                "Current and previous releases, unit state, lock and last deploys of each node.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand DeployCommand parent;

    @Parameters(paramLabel = "NODE", arity = "0..*", description = "Default: every node.")
    List<String> nodes = new ArrayList<>();

    @Override
    public Integer call() {
        var config = parent.config();
        var admin = parent.admin(config);
        for (var node : config.select(nodes)) {
            parent.out().print(admin.status(node));
            parent.out().flush();
        }
        return ExitCode.OK;
    }
}
