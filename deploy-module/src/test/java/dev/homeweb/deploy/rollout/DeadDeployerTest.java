package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.lock.LockHolder;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a deployer that died leaves on a {@link FakeNode}, and how the next deploy gets past it with
 * no one clearing anything: its lock file (its flock is gone with it) and its unconfirmed switch.
 */
class DeadDeployerTest extends OnFakeNode {
    static final LockHolder DEAD =
            new LockHolder("bob", "laptop", 4711, Instant.parse("2026-12-01T20:00:00Z"), "r0");

    @Test
    void aLockFileWithoutItsFlockIsTakenOverAndTheAuditLogSaysWhose() throws Exception {
        Files.createDirectories(node.root);
        Files.writeString(
                node.root.resolve("deploy.lock"),
                "user=bob\nhost=laptop\npid=4711\nsince=2026-12-01T20:00:00Z\nrelease=r0\n");
        var release = node.release("first");

        var result = node.deploy(release);

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(node.printed())
                .contains("[blog] lock       ok")
                .contains("took over from bob@laptop (pid 4711)");
        assertThat(node.audit().get(0))
                .contains(" node=blog action=lock-takeover release=r0 by=tester@desk")
                .contains(" reason=\"holder bob@laptop pid 4711 since 2026-12-01T20:00:00Z is gone")
                .endsWith(" result=taken-over");
        assertThat(node.audit().get(1)).contains(" action=deploy ").contains(" result=deployed ");
        assertThat(node.locked()).isFalse();
    }

    @Test
    void aLiveHolderStillRefusesWithItsDetails() throws Exception {
        try (var held = node.holdLock(DEAD)) {
            var result = node.deploy(node.release("first"));

            assertThat(result.outcome()).isEqualTo(Outcome.LOCKED);
            assertThat(result.outcome().exitCode()).isEqualTo(5);
            assertThat(result.message())
                    .contains("node is locked by bob@laptop (pid 4711) since 2026-12-01T20:00:00Z")
                    .contains("--lock-wait");
            assertThat(node.audit()).isEmpty();
        }
        assertThat(node.deploy(node.release("first")).outcome()).isEqualTo(Outcome.DEPLOYED);
    }

    @Test
    void anUnconfirmedSwitchLeftBehindIsRolledBackBeforeTheNextDeployStarts() throws Exception {
        var good = node.release("good");
        var orphan = node.release("orphan");
        var next = node.release("next");
        node.deploy(good);
        node.connections(i -> Optional.ofNullable(i == 3 ? StepFailureTest.GONE : null));
        assertThat(node.deploy(orphan).outcome()).isEqualTo(Outcome.NEEDS_ATTENTION);
        assertThat(node.current()).contains(orphan.id());
        node.connections(i -> Optional.empty());

        var result = node.deploy(next);

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(result.previous()).contains(good.id());
        assertThat(node.printed()).contains("home-web-rollback: rolled back to " + good.id());
        assertThat(node.audit())
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .contains(" action=rollback release=" + orphan.id())
                                        .contains(" reason=abandoned "));
        assertThat(node.audit().get(node.audit().size() - 1))
                .contains(" release=" + next.id() + " previous=" + good.id() + " ");
        assertThat(node.current()).contains(next.id());
    }

    @Test
    void aRebootBetweenSwitchAndConfirmBootsOnTheLastConfirmedRelease() throws Exception {
        var good = node.release("good");
        var orphan = node.release("orphan");
        node.deploy(good);
        node.connections(i -> Optional.ofNullable(i == 3 ? StepFailureTest.GONE : null));
        node.deploy(orphan);
        node.connections(i -> Optional.empty());
        var unit = node.root.resolve("etc/systemd/system/home-web-recover.service");
        var boot =
                Files.readString(unit).lines().filter(l -> l.startsWith("ExecStart=")).findFirst();
        assertThat(Files.readString(unit))
                .contains("ConditionPathExists=" + node.root + "/state/pending")
                .contains("Before=home-web.service");
        Files.delete(node.fake.resolve("calls"));

        var booted = node.host().exec(boot.orElseThrow().substring("ExecStart=".length()));

        assertThat(booted.stdout()).contains("home-web-rollback: rolled back to " + good.id());
        assertThat(node.current()).contains(good.id());
        assertThat(node.root.resolve("state/pending")).doesNotExist();
        assertThat(Files.readString(node.fake.resolve("calls")))
                .as(
                        "the boot starts the server after this unit: restarting it here would wait on itself")
                .contains("systemctl start home-web-import.service")
                .doesNotContain("home-web.service");
        assertThat(node.audit().get(node.audit().size() - 1))
                .contains(" action=rollback release=" + orphan.id())
                .contains(" reason=reboot ");
        var next = node.deploy(node.release("next"));
        assertThat(next.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(next.previous()).contains(good.id());
    }
}
