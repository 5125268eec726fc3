package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.release.Release;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@link FakeNode} per test class, serving release {@code old} with release {@code next} built.
 * Building and deploying take seconds, so the class does it once and each test starts from the node
 * as {@link BeforeAll} methods left it ({@link FakeNode#snapshot}, then {@link FakeNode#restore}
 * before each test); a subclass may deploy more in its own {@code @BeforeAll}.
 */
abstract class ServingOldRelease {
    @TempDir static Path dir;
    static FakeNode node;
    static Release old;
    static Release next;

    /** Prepares a failure on the node before the run under test. */
    @FunctionalInterface
    interface Setup {
        void inject(FakeNode node, Release old, Release next) throws Exception;
    }

    @BeforeAll
    static void deployTheOldRelease() throws Exception {
        node = new FakeNode(dir);
        old = node.release("old");
        next = node.release("new");
        deploy(old);
    }

    /** Deploys {@code release}, which must succeed, and keeps the node so for each test. */
    static void deploy(Release release) throws Exception {
        assertThat(node.deploy(release).outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        node.snapshot();
    }

    @BeforeEach
    void restore() throws Exception {
        node.restore();
    }
}
