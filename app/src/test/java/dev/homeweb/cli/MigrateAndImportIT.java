package dev.homeweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.JarProcess;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * migrate and import against a real PostgreSQL, and serve refusing what migrate has not done yet.
 */
@ExtendWith(PostgresExtension.class)
class MigrateAndImportIT extends RunsTheJar {
    @Test
    void migrateAppliesOnceAndThenReportsUpToDate(TestDatabase db) {
        var url = db.writeUrlFile(dir).toString();

        var first = run("migrate", "--database-url-file", url);
        var second = run("migrate", "--database-url-file", url);
        var status = run("migrate", "--status", "--database-url-file", url);

        assertThat(first.exitCode()).isZero();
        assertThat(first.stdout()).contains("Applied V1 create posts");
        assertThat(second.exitCode()).isZero();
        assertThat(second.stdout()).contains("Database is up to date; no migrations applied.");
        assertThat(status.stdout()).containsPattern("V1\\s+Success\\s+create posts");
    }

    @Test
    void concurrentMigrationsApplyEachVersionOnce(TestDatabase db) {
        var url = db.writeUrlFile(dir).toString();

        var a = JarProcess.start(dir, Map.of(), "migrate", "--database-url-file", url);
        var b = JarProcess.start(dir, Map.of(), "migrate", "--database-url-file", url);
        var results = java.util.List.of(a.await(120), b.await(120));

        assertThat(results)
                .as(results.toString())
                .extracting(JarProcess.Result::exitCode)
                .containsOnly(0);
        assertThat(results.stream().filter(r -> r.stdout().contains("Applied V1")).count())
                .isEqualTo(1);
        var applied =
                db.dsl().fetchCount(db.dsl().selectFrom("flyway_schema_history").where("success"));
        assertThat(applied)
                .isEqualTo(
                        new dev.homeweb.db.Migrations(db.database().dataSource()).status().size());
    }

    @Test
    void serveRefusesPendingMigrations(TestDatabase db) {
        var result =
                run("serve", "--port", "0", "--database-url-file", db.writeUrlFile(dir).toString());

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr())
                .containsPattern("\\d+ database migration\\(s\\) pending \\(V1, V2[^)]*\\);")
                .contains("run 'home-web migrate'");
    }

    @Test
    void importOfBadContentExitsWithTheFileAndChangesNothing(TestDatabase db) {
        var url = db.writeUrlFile(dir).toString();
        run("migrate", "--database-url-file", url);
        var content = new ContentDir(dir.resolve("content"));
        content.post("good.md", "Good", "2026-01-01", "");
        assertThat(
                        run(
                                        "import",
                                        "--database-url-file",
                                        url,
                                        "--content",
                                        content.root().toString())
                                .stdout())
                .contains("Imported: 1 added, 0 updated, 0 removed, 0 unchanged");
        var bad = content.post("bad.md", "---\ntitle: Bad\ndate: tomorrow\n---\n");

        var result =
                run("import", "--database-url-file", url, "--content", content.root().toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr())
                .contains(bad + ":3: bad date 'tomorrow'", "nothing was imported");
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("posts"))).isEqualTo(1);
    }
}
