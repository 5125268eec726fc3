package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.config.DeployConfig;
import dev.homeweb.deploy.config.NodeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The batching of a rollout, with nodes whose deploys end as each test says. */
class RolloutTest {
    static final List<NodeConfig> NODES =
            List.copyOf(
                    DeployConfig.parse(
                                    """
                                    secrets: {database-url: {}}
                                    nodes:
                                      one: {hostname: a}
                                      two: {hostname: b}
                                      three: {hostname: c}
                                      four: {hostname: d}
                                    """,
                                    Path.of("/"))
                            .nodes()
                            .values());

    /** Deploys release "new" over "old"; the nodes named in {@code failing} roll back. */
    record Fleet(Set<String> failing, Map<String, String> serving, List<String> order) {
        Fleet(Set<String> failing) {
            this(
                    failing,
                    new ConcurrentHashMap<>(),
                    new java.util.concurrent.CopyOnWriteArrayList<>());
        }

        NodeResult deploy(NodeConfig node, StepReporter.NodeSteps steps) {
            order.add(node.name());
            boolean fails = failing.contains(node.name());
            serving.put(node.name(), fails ? "old" : "new");
            return result(node.name(), fails ? Outcome.ROLLED_BACK : Outcome.DEPLOYED, "new");
        }

        NodeResult rollBack(NodeConfig node, String to, StepReporter.NodeSteps steps) {
            serving.put(node.name(), to);
            return result(node.name(), Outcome.DEPLOYED, to);
        }

        static NodeResult result(String node, Outcome outcome, String release) {
            return new NodeResult(
                    node,
                    outcome,
                    Optional.of(release),
                    Optional.of("old"),
                    outcome.label(),
                    Duration.ofSeconds(1),
                    List.of());
        }
    }

    static List<NodeResult> roll(Fleet fleet, int batch, int maxFailures, boolean back) {
        var reporter = new StepReporter(new PrintWriter(new StringWriter()), FakeNode.CLOCK);
        return new Rollout(reporter, 4, batch, maxFailures, back)
                .run(NODES, fleet::deploy, fleet::rollBack);
    }

    @Test
    void batchesAreTheNodesInConfigOrderSoManyAtATime() {
        assertThat(Rollout.batches(NODES, 3))
                .extracting(b -> b.stream().map(NodeConfig::name).toList())
                .containsExactly(List.of("one", "two", "three"), List.of("four"));
        assertThat(Rollout.batches(NODES, 0)).hasSize(1);
    }

    @Test
    void aFailingBatchStopsTheRolloutAndEarlierNodesStayOnTheNewRelease() {
        var fleet = new Fleet(Set.of("two"));

        var results = roll(fleet, 1, 0, false);

        assertThat(fleet.order()).containsExactly("one", "two");
        assertThat(results)
                .extracting(NodeResult::node, NodeResult::outcome, NodeResult::serving)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("one", Outcome.DEPLOYED, "new"),
                        org.assertj.core.groups.Tuple.tuple("two", Outcome.ROLLED_BACK, "old"),
                        org.assertj.core.groups.Tuple.tuple("three", Outcome.SKIPPED, "untouched"),
                        org.assertj.core.groups.Tuple.tuple("four", Outcome.SKIPPED, "untouched"));
        assertThat(results.get(2).message())
                .isEqualTo(
                        "not started: the rollout stopped after batch 2 of 4: 1 node(s) failed,"
                                + " settings.max_failures is 0");
        assertThat(Rollout.exitCode(results)).isEqualTo(3);
        assertThat(RunSummary.text(results))
                .containsPattern("(?m)^one +deployed +new ")
                .containsPattern("(?m)^two +rolled back +old ")
                .containsPattern("(?m)^three +not started +untouched ");
    }

    @Test
    void rollbackSucceededSendsEarlierBatchesBackToo() {
        var fleet = new Fleet(Set.of("two"));

        var results = roll(fleet, 1, 0, true);

        assertThat(fleet.serving()).containsEntry("one", "old").containsEntry("two", "old");
        assertThat(results.get(0).outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(results.get(0).message()).startsWith("rolled back to old with the rollout:");
        assertThat(results.get(0).serving()).isEqualTo("old");
    }

    @Test
    void theNodesOfTheFailingBatchThatSwitchedGoBackWithIt() {
        var fleet = new Fleet(Set.of("two"));

        var results = roll(fleet, 2, 0, false);

        assertThat(fleet.order()).containsExactlyInAnyOrder("one", "two");
        assertThat(fleet.serving()).containsEntry("one", "old");
        assertThat(results)
                .extracting(NodeResult::serving)
                .containsExactly("old", "old", "untouched", "untouched");
    }

    @Test
    void failuresUpToMaxFailuresLetTheRolloutGoOn() {
        var fleet = new Fleet(Set.of("two"));

        var results = roll(fleet, 1, 1, false);

        assertThat(fleet.order()).containsExactly("one", "two", "three", "four");
        assertThat(results)
                .extracting(NodeResult::serving)
                .containsExactly("new", "old", "new", "new");
        assertThat(Rollout.exitCode(results)).isEqualTo(3);
    }

    @Test
    void withoutBatchesEveryNodeRunsAndNoneIsSkipped() {
        var results = roll(new Fleet(Set.of("one", "two")), 0, 0, false);

        assertThat(results).extracting(NodeResult::outcome).doesNotContain(Outcome.SKIPPED);
        assertThat(results)
                .extracting(NodeResult::serving)
                .containsExactly("old", "old", "new", "new");
    }
}
