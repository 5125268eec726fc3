package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.lock.LockHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "lock",
        mixinStandardHelpOptions = true,
        description =
                "See ('status') or clear ('release') a node's deploy lock, e.g. one left by a dead deploy.")
final class LockCommand implements Callable<Integer> {
    @ParentCommand DeployCommand parent;

    @Parameters(index = "0", paramLabel = "ACTION", description = "status or release")
    String action;

    @Parameters(
            index = "1..*",
            paramLabel = "NODE",
            arity = "0..*",
            description = "Default: every node.")
    List<String> nodes = new ArrayList<>();

    @Override
    public Integer call() {
        var config = parent.config();
        var admin = parent.admin(config);
        if (!action.equals("status") && !action.equals("release")) {
            parent.err()
                    .println(
                            "deploy lock: ACTION must be 'status' or 'release', not '"
                                    + action
                                    + "'");
            return ExitCode.USAGE;
        }
        for (var node : config.select(nodes)) {
            var holder = action.equals("status") ? admin.lockStatus(node) : admin.lockRelease(node);
            var text = holder.map(LockHolder::describe).orElse("free");
            parent.out()
                    .println(
                            node.name()
                                    + ": "
                                    + (action.equals("release") && holder.isPresent()
                                            ? "released lock of "
                                            : "")
                                    + text);
        }
        parent.out().flush();
        return ExitCode.OK;
    }
}
