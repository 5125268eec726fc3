package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.config.UserError;
import dev.homeweb.deploy.release.LocalRelease;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Build the release a deploy would send to NODE (default: the only node) into DIR, as"
                    + " the node holds it, and contact no node. Run it as the node does:",
            "  . DIR/release.env; DIR/runtime/bin/java $HOME_WEB_RELEASE_JAVA_OPTIONS -jar"
                    + " DIR/home-web.jar serve"
        })
final class BuildCommand extends NodesCommand {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            required = true,
            description = "A new or empty folder for the release.")
    Path output;

    @Override
    int run(DeployConfig config, List<NodeConfig> selected) {
        if (selected.size() != 1) {
            throw new UserError(
                    "build makes one node's release; name one of: "
                            + String.join(", ", selected.stream().map(NodeConfig::name).toList()));
        }
        var node = selected.get(0);
        var release = parent.releases(selected).get(node);
        new LocalRelease(output).write(release);
        parent.out()
                .printf(
                        "release %s of node %s in %s (%d files, %.1f MB)%n",
                        release.id(),
                        node.name(),
                        output,
                        release.files().size(),
                        release.totalBytes() / 1e6);
        parent.out().flush();
        return ExitCode.OK;
    }
}
