package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import dev.homeweb.deploy.release.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Deploys to several nodes at once; one node's failure never hides another's result. */
public final class Rollout {
    private final NodeDeployer deployer;
    private final StepReporter reporter;
    private final int parallel;

    public Rollout(NodeDeployer deployer, StepReporter reporter, int parallel) {
        this.deployer = deployer;
        this.reporter = reporter;
        this.parallel = parallel;
    }

    public List<NodeResult> run(
            List<NodeConfig> nodes,
            Function<NodeConfig, Release> releaseFor,
            List<String> migrations) {
        var pool = Executors.newFixedThreadPool(Math.min(parallel, nodes.size()));
        try {
            var futures = new ArrayList<Future<NodeResult>>();
            for (var node : nodes) {
                futures.add(
                        pool.submit(
                                () ->
                                        deployer.deploy(
                                                node,
                                                releaseFor.apply(node),
                                                migrations,
                                                reporter.forNode(node.name()))));
            }
            var results = new ArrayList<NodeResult>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a node's deploy crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The exit code of a run: the worst outcome's. */
    public static int exitCode(List<NodeResult> results) {
        return results.stream()
                .map(NodeResult::outcome)
                .max(java.util.Comparator.comparingInt(Outcome::severity))
                .map(Outcome::exitCode)
                .orElse(0);
    }
}
