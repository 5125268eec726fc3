package dev.homeweb.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A release that adds a real migration, on a real node with PostgreSQL: the rollback to the release
 * before it is refused naming it, goes through with --force or when the migration is declared
 * backward compatible, and the backup taken before it is root-only and restores. The tests build on
 * each other's database, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaRollbackIT extends OnTargetHost {
    static final String V100 = "V100__add_post_e2e_note.sql";

    /** The repository's newest migration's version: the schema the base release was built for. */
    static final int SCHEMA = newestMigration();

    static final String ADD_COLUMN = "ALTER TABLE posts ADD COLUMN e2e_note text;\n";
    static String base;

    @BeforeAll
    static void bootAndDeployTheBase() throws Exception {
        target = TargetHost.up("hwd-schema");
        e2e = new E2e(target, dir, "health_timeout: 60s\nconfirm_timeout: 120s");
        e2e.initSecrets();
        base = deployed(E2e.appJar());
    }

    /** The server jar with one more migration in db/migration. */
    static Path jarWith(String name, String migration, String sql) throws IOException {
        var jar = dir.resolve(name + ".jar");
        try (var in = new ZipFile(E2e.appJar().toFile());
                var out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (var entry : in.stream().toList()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (var data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("db/migration/" + migration));
            out.write(sql.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    static String deployed(Path jar) {
        var run = e2e.deployJar(jar);
        assertThat(run.exitCode()).as(e2e.failure(run)).isZero();
        return E2e.release(run);
    }

    static String sql(String query) throws Exception {
        return target.ssh(
                        "cd / && runuser -u postgres -- psql -X -At -d homeweb -c \""
                                + query
                                + "\"")
                .strip();
    }

    static String applied() throws Exception {
        return sql(
                "select string_agg(script, ',' order by installed_rank) from flyway_schema_history");
    }

    @Test
    @Order(1)
    void aRollbackPastAnUnmarkedMigrationIsRefusedNamingItAndForceGoesThrough() throws Exception {
        var withV100 = deployed(jarWith("with-v100", V100, ADD_COLUMN));
        assertThat(applied()).contains(V100);
        assertThat(e2e.deploy("status").out()).contains(withV100 + "  schema 100  current");

        var refused = e2e.deploy("rollback", "e2e", "--to", base);

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
        assertThat(refused.all())
                .contains("[e2e] schema     FAIL")
                .contains("was built for schema version " + SCHEMA)
                .contains("the database has " + V100 + ", not declared backward compatible");
        assertThat(e2e.currentOnNode()).isEqualTo(withV100);

        var forced = e2e.deploy("rollback", "e2e", "--to", base, "--force");

        assertThat(forced.exitCode()).as(e2e.failure(forced)).isZero();
        assertThat(forced.out()).contains("FORCED past " + V100);
        assertThat(e2e.currentOnNode()).isEqualTo(base);
    }

    @Test
    @Order(2)
    void theBackupBeforeTheMigrationIsRootOnlyAndRestoresTheSchemaBeforeIt() throws Exception {
        var listing = target.ssh("ls -la /var/lib/home-web/backups");
        assertThat(listing).containsPattern("drwx------ +\\d+ root root .* \\.\n");
        var before =
                target.ssh("ls -1t /var/lib/home-web/backups | grep -e '-before-' | head -n 1");
        assertThat(listing).containsPattern("-rw------- +1 root root .* " + before.strip());
        assertThat(e2e.deploy("status").out()).contains(before.strip());

        var restored = e2e.deploy("backups", "restore", "e2e", before.strip());

        assertThat(restored.exitCode()).as(restored.all()).isZero();
        assertThat(applied()).doesNotContain(V100).contains("V" + SCHEMA + "__");
        assertThat(
                        sql(
                                "select count(*) from information_schema.columns where column_name = 'e2e_note'"))
                .isEqualTo("0");
        assertThat(target.http("/blog/" + E2e.POST)).contains(E2e.POST_TITLE);
    }

    @Test
    @Order(3)
    void aMigrationDeclaredBackwardCompatibleLetsTheRollbackThrough() throws Exception {
        var marked =
                deployed(
                        jarWith(
                                "with-v6-marked",
                                V100,
                                "-- Old releases ignore the new column.\n"
                                        + "-- home-web: backward-compatible\n"
                                        + ADD_COLUMN));
        assertThat(applied()).contains(V100);

        var run = e2e.deploy("rollback", "e2e", "--to", base);

        assertThat(run.exitCode()).as(e2e.failure(run)).isZero();
        assertThat(run.out()).contains("backward compatible: " + V100);
        assertThat(e2e.currentOnNode()).isEqualTo(base).isNotEqualTo(marked);
        assertThat(e2e.healthz()).contains("\"release\":\"" + base + "\"");
    }

    private static int newestMigration() {
        try (var files = java.nio.file.Files.list(E2e.repoRoot().resolve("migrations"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V[0-9]+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max()
                    .orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
