package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of deploys that go wrong, each starting from a healthy good release (redeployed before each
 * test, a no-op when it still serves, so one test's failure does not become the next one's).
 */
abstract class FromAGoodRelease extends OnTargetHost {
    static String good;

    /** Boots the class's node and deploys the repository's release, the good one. */
    static void bootWithAGoodRelease(String prefix, String settings) throws Exception {
        target = TargetHost.up(prefix);
        e2e = new E2e(target, dir, settings);
        e2e.initSecrets();
        var run = e2e.deploy(E2e.release());
        assertThat(run.exitCode()).as(e2e.failure(run)).isZero();
        good = E2e.release(run);
    }

    @BeforeEach
    void theGoodReleaseServes() throws Exception {
        var run = e2e.deploy(E2e.release());
        assertThat(run.exitCode()).as(e2e.failure(run)).isZero();
        assertGoodReleaseServes();
    }

    /**
     * A deploy of the good content plus {@code words} whose deployer is SIGKILLed right after its
     * switch: the node serves that release, unconfirmed.
     */
    static void switchedAndAbandoned(String name, String words) throws Exception {
        var content = e2e.contentWith(name, text -> text + "\n" + words + "\n");
        assertThat(e2e.killedAfterTheSwitch(content)).contains("[e2e] switch     ok");
        assertThat(e2e.currentOnNode()).isNotEqualTo(good);
    }

    static void assertGoodReleaseServes() throws Exception {
        assertThat(e2e.currentOnNode()).isEqualTo(good);
        assertThat(e2e.healthz())
                .contains("\"status\":\"ok\"")
                .contains("\"release\":\"" + good + "\"");
        assertThat(target.http("/blog/" + E2e.POST)).contains(E2e.POST_TITLE);
    }
}
