package dev.homeweb.deploy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "Show the server's journal on a node (over SSH, with sudo).")
final class LogsCommand implements Callable<Integer> {
    @ParentCommand DeployCommand parent;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new entries.")
    boolean follow;

    @Parameters(paramLabel = "NODE", arity = "0..1", description = "Default: the only node.")
    String node;

    @Override
    public Integer call() {
        var config = parent.config();
        var selected =
                node == null
                        ? config.select(java.util.List.of())
                        : config.select(java.util.List.of(node));
        if (selected.size() != 1) {
            parent.err().println("deploy logs: name one NODE: " + config.nodes().keySet());
            return ExitCode.USAGE;
        }
        parent.out().flush();
        return parent.admin(config)
                .logs(
                        selected.get(0),
                        follow,
                        new WriterOutputStream(parent.out()),
                        new WriterOutputStream(parent.err()));
    }
}
