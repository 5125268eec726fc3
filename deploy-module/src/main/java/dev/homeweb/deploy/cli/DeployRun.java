package dev.homeweb.deploy.cli;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.release.ReleaseBuilder;
import dev.homeweb.deploy.rollout.NodeDeployer;
import dev.homeweb.deploy.rollout.Rollout;
import dev.homeweb.deploy.rollout.RunSummary;
import dev.homeweb.deploy.rollout.StepReporter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code deploy} (not a dry run): builds the releases, rolls them out over the selected nodes
 * with the command line's parallelism and lock wait, and prints the summary.
 *
 * @param root the command line's options and streams
 */
record DeployRun(DeployCommand root) {
    /** The exit code of the rollout. */
    int run(DeployConfig config, List<NodeConfig> selected) {
        var releases = root.releases(selected);
        var out = root.out();
        var reporter = new StepReporter(root.json ? root.err() : out, root.clock());
        var deployer =
                new NodeDeployer(
                        root.connector(),
                        root.renderer(config),
                        config.settings(),
                        root.clock(),
                        root.me("-"),
                        Duration.ofSeconds(root.lockWaitSeconds));
        var settings = config.settings();
        var rollout =
                new Rollout(
                        reporter,
                        root.parallel != null ? root.parallel : settings.parallel(),
                        settings.batch(),
                        settings.maxFailures(),
                        root.rollbackSucceeded);
        var migrations = ReleaseBuilder.migrations(root.jar);
        var admin = root.admin(config);
        var results =
                rollout.run(
                        selected,
                        (node, steps) ->
                                deployer.deploy(node, releases.get(node), migrations, steps),
                        (node, to, steps) ->
                                admin.rollback(node, Optional.of(to), root.me(to), false, steps));
        int code = Rollout.exitCode(results);
        if (root.json) {
            out.println(RunSummary.json(results, code));
        } else {
            out.println();
            out.print(RunSummary.text(results));
        }
        out.flush();
        return code;
    }
}
