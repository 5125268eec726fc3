package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.deploy.release.Release;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Releases and the schema on a {@link FakeNode}: release A knows V1, release B adds V2. A backup is
 * taken before B's migration; a rollback from B to A is refused while V2 is applied, unless V2 is
 * declared backward compatible or the rollback is forced.
 */
class SchemaRollbackTest extends OnFakeNode {
    static final List<String> A_MIGRATIONS = List.of("V1__create_posts.sql");
    Release a;
    Release b;

    @BeforeEach
    void deployA() {
        a = node.release("a");
        b = node.release("b");
        assertThat(node.deploy(a, A_MIGRATIONS).outcome()).isEqualTo(Outcome.DEPLOYED);
    }

    private NodeResult deployB(String v2) {
        var result = node.deploy(b, List.of("V1__create_posts.sql", v2));
        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        return result;
    }

    @Test
    void aRollbackPastAnIncompatibleMigrationIsRefusedNamingIt() throws Exception {
        deployB("V2__drop_old_column.sql");

        var result = node.rollback(Optional.of(a.id()));

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.FAILED_NO_CHANGE);
        assertThat(result.outcome().exitCode()).isEqualTo(1);
        assertThat(result.message())
                .contains("release " + a.id() + " was built for schema version 1")
                .contains("the database has V2__drop_old_column.sql, not declared backward")
                .contains("-- home-web: backward-compatible")
                .contains("--force");
        assertThat(node.current()).contains(b.id());
        assertThat(node.audit().get(node.audit().size() - 1))
                .contains(" action=rollback ")
                .contains(" step=schema result=failed ");
    }

    @Test
    void forceRollsBackAnywayAndSaysPastWhat() throws Exception {
        deployB("V2__drop_old_column.sql");

        var result = node.rollback(Optional.of(a.id()), true);

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(node.current()).contains(a.id());
        assertThat(node.printed()).contains("FORCED past V2__drop_old_column.sql");
    }

    @Test
    void aMigrationDeclaredBackwardCompatibleLetsTheRollbackThrough() throws Exception {
        deployB("V2__add_column.sql backward-compatible");

        var result = node.rollback(Optional.of(a.id()));

        assertThat(result.outcome()).as(node.printed()).isEqualTo(Outcome.DEPLOYED);
        assertThat(node.current()).contains(a.id());
        assertThat(node.printed()).contains("backward compatible: V2__add_column.sql");
    }

    @Test
    void aBackupRootOnlyIsTakenBeforeANewMigrationAndNoneWithout() throws Exception {
        var result = deployB("V2__drop_old_column.sql");

        var backup = result.steps().stream().filter(s -> s.step().equals("backup")).findFirst();
        assertThat(backup.orElseThrow().detail())
                .contains("-before-" + b.id() + ".dump (before V2__drop_old_column.sql)");
        var dir = node.root.resolve("backups");
        assertThat(Files.getPosixFilePermissions(dir))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(dir)) {
            var dumps = files.toList();
            assertThat(dumps).as("one before A's V1, one before B's V2").hasSize(2);
            for (var dump : dumps) {
                assertThat(Files.getPosixFilePermissions(dump))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
        assertThat(Files.readString(node.fake.resolve("pg_dump-args")))
                .startsWith("-w -Fc -h 127.0.0.1 -p 5432 -U blog -d blog -f " + dir + "/")
                .doesNotContain("s3cret");
        assertThat(Files.readString(node.fake.resolve("pg_dump-pgpass")))
                .isEqualTo("127.0.0.1:5432:blog:blog:s3cret\n");

        var again =
                node.deploy(
                        node.release("c"),
                        List.of("V1__create_posts.sql", "V2__drop_old_column.sql"));
        assertThat(again.steps().stream().filter(s -> s.step().equals("backup")).findFirst())
                .get()
                .extracting(StepResult::detail)
                .isEqualTo("none needed: no new migration");
    }

    @Test
    void aBackupThatFailsStopsTheDeployBeforeAnythingChanged() throws Exception {
        node.inject("fail-pg_dump");

        var result = node.deploy(b, List.of("V1__create_posts.sql", "V2__x.sql"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED_NO_CHANGE);
        assertThat(result.message())
                .contains("backup before migrating failed, nothing changed")
                .contains("connection to server failed (fake)");
        assertThat(node.current()).contains(a.id());
        assertThat(node.audit().get(node.audit().size() - 1))
                .contains(" step=backup result=failed ");
    }

    @Test
    void statusShowsEachReleasesSchemaVersionAndTheBackups() throws Exception {
        deployB("V2__drop_old_column.sql");

        var status =
                new NodeAdmin(node.connector(), FakeNode.CLOCK, node.settings).status(node.node);

        assertThat(status)
                .contains("    " + b.id() + "  schema 2  current")
                .contains("    " + a.id() + "  schema 1  good")
                .containsPattern(
                        "backups:  \\(restore: deploy backups restore NODE FILE\\)\n    [0-9TZ]+-before-"
                                + b.id()
                                + "\\.dump 10 bytes");
    }
}
