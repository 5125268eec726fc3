package dev.homeweb.deploy.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * An e2e class whose tests share one booted node ({@code target}, set by the class's
 * {@code @BeforeAll}): no test leaks a secret, and the node goes down after the last test.
 */
abstract class OnTargetHost {
    @TempDir static Path dir;
    static TargetHost target;
    static E2e e2e;

    @AfterEach
    void noSecretLeaked() throws Exception {
        e2e.assertNoSecretLeaked();
    }

    @AfterAll
    static void shutDown() {
        if (target != null) {
            target.close();
            target = null;
        }
    }
}
