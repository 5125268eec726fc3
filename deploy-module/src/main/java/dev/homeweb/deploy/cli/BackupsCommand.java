package dev.homeweb.deploy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "backups",
        mixinStandardHelpOptions = true,
        description =
                "Restore a node's pre-migration database backup ('deploy status' lists them):"
                        + " deploy backups restore NODE FILE. It replaces the database's contents.")
final class BackupsCommand implements Callable<Integer> {
    @ParentCommand DeployCommand parent;

    @Parameters(index = "0", paramLabel = "ACTION", description = "restore")
    String action;

    @Parameters(index = "1", paramLabel = "NODE")
    String node;

    @Parameters(index = "2", paramLabel = "FILE", description = "A backup's name from 'status'.")
    String file;

    @Override
    public Integer call() {
        if (!action.equals("restore")) {
            parent.err().println("deploy backups: ACTION must be 'restore', not '" + action + "'");
            return ExitCode.USAGE;
        }
        var config = parent.config();
        var selected = config.select(java.util.List.of(node)).get(0);
        parent.out().println(node + ": " + parent.admin(config).restoreBackup(selected, file));
        parent.out().flush();
        return ExitCode.OK;
    }
}
