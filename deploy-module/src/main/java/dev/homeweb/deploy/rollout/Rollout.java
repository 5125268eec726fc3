package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.NodeConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Deploys to several nodes, in batches of {@code batch} (0: all in one), each batch's nodes at
 * once: one node's failure never hides another's result. Once more than {@code maxFailures} nodes
 * failed, the rollout stops after that batch: the batch's nodes that did switch go back to their
 * previous release (the failed ones already did), later nodes are not started, and earlier batches
 * stay on the new release unless {@code rollBackSucceeded} sends them back too.
 */
public record Rollout(
        StepReporter reporter,
        int parallel,
        int batch,
        int maxFailures,
        boolean rollBackSucceeded) {
    /** Deploys one node. */
    @FunctionalInterface
    public interface NodeRun {
        NodeResult run(NodeConfig node, StepReporter.NodeSteps steps);
    }

    /** Switches one node back to release {@code to} ({@code deploy rollback --to}). */
    @FunctionalInterface
    public interface NodeUndo {
        NodeResult rollBack(NodeConfig node, String to, StepReporter.NodeSteps steps);
    }

    /** The results in the nodes' order. */
    public List<NodeResult> run(List<NodeConfig> nodes, NodeRun deploy, NodeUndo undo) {
        var results = new ArrayList<NodeResult>();
        var batches = batches(nodes, batch);
        for (int b = 0; b < batches.size(); b++) {
            var current = batches.get(b);
            var done = all(current, node -> deploy.run(node, reporter.forNode(node.name())));
            int before = results.size();
            results.addAll(done);
            long failed = results.stream().filter(r -> !succeeded(r)).count();
            if (failed > maxFailures && b < batches.size() - 1) {
                var why =
                        "the rollout stopped after batch "
                                + (b + 1)
                                + " of "
                                + batches.size()
                                + ": "
                                + failed
                                + " node(s) failed, settings.max_failures is "
                                + maxFailures;
                int from = rollBackSucceeded ? 0 : before;
                for (int i = from; i < results.size(); i++) {
                    results.set(i, undone(results.get(i), why, undo, nodes));
                }
                for (var rest : batches.subList(b + 1, batches.size())) {
                    rest.forEach(
                            n -> results.add(NodeResult.skipped(n.name(), "not started: " + why)));
                }
                break;
            }
        }
        return results;
    }

    /** The nodes in config order, {@code size} at a time (0: all at once). */
    static List<List<NodeConfig>> batches(List<NodeConfig> nodes, int size) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        int step = size == 0 ? nodes.size() : size;
        var out = new ArrayList<List<NodeConfig>>();
        for (int i = 0; i < nodes.size(); i += step) {
            out.add(List.copyOf(nodes.subList(i, Math.min(nodes.size(), i + step))));
        }
        return out;
    }

    private static boolean succeeded(NodeResult result) {
        return result.outcome().exitCode() == 0;
    }

    /** A node the stopped rollout had switched, sent back to where it was; others as they are. */
    private NodeResult undone(
            NodeResult result, String why, NodeUndo undo, List<NodeConfig> nodes) {
        if (!result.switched() || result.previous().isEmpty()) {
            return result;
        }
        var node = nodes.stream().filter(n -> n.name().equals(result.node())).findFirst();
        var to = result.previous().get();
        var back = undo.rollBack(node.orElseThrow(), to, reporter.forNode(result.node()));
        var steps = new ArrayList<>(result.steps());
        steps.addAll(back.steps());
        boolean ok = back.outcome().exitCode() == 0;
        return new NodeResult(
                result.node(),
                ok ? Outcome.ROLLED_BACK : Outcome.NEEDS_ATTENTION,
                result.release(),
                result.previous(),
                (ok ? "rolled back to " + to + " with the rollout: " : "rolling back failed: ")
                        + why
                        + (ok ? "" : "; " + back.message()),
                result.duration().plus(back.duration()),
                steps);
    }

    private List<NodeResult> all(
            List<NodeConfig> nodes, java.util.function.Function<NodeConfig, NodeResult> work) {
        var pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, nodes.size())));
        try {
            var futures = new ArrayList<Future<NodeResult>>();
            for (var node : nodes) {
                futures.add(pool.submit((Callable<NodeResult>) () -> work.apply(node)));
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
                .max(Comparator.comparingInt(Outcome::severity))
                .map(Outcome::exitCode)
                .orElse(0);
    }
}
