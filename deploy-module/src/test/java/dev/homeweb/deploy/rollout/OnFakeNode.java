package dev.homeweb.deploy.rollout;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that each start from an empty {@link FakeNode} of their own. */
abstract class OnFakeNode {
    @TempDir Path dir;
    FakeNode node;

    @BeforeEach
    void freshNode() throws Exception {
        node = new FakeNode(dir);
    }
}
