package dev.homeweb.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {
    @Test
    void theMarkerLineDeclaresAMigrationBackwardCompatible() {
        var marked =
                Migration.of(
                        "V6__add_post_summary.sql",
                        "-- Adds a column old releases ignore.\n"
                                + "  -- home-web: backward-compatible  \n"
                                + "ALTER TABLE posts ADD COLUMN summary text;\n");
        var plain = Migration.of("V7__drop_post_legacy.sql", "ALTER TABLE posts DROP COLUMN x;\n");

        assertThat(marked).isEqualTo(new Migration("V6__add_post_summary.sql", 6, true));
        assertThat(marked.line()).isEqualTo("V6__add_post_summary.sql backward-compatible");
        assertThat(plain.line()).isEqualTo("V7__drop_post_legacy.sql");
        assertThat(Migration.parse(marked.line())).isEqualTo(marked);
        assertThat(Migration.parse(plain.line())).isEqualTo(plain);
    }

    @Test
    void theSchemaVersionIsTheHighestMigration() {
        assertThat(
                        Migration.schemaVersion(
                                List.of(
                                        "V1__a.sql",
                                        "V10__b.sql backward-compatible",
                                        "V2__c.sql")))
                .isEqualTo(10);
        assertThat(Migration.schemaVersion(List.of())).isZero();
    }

    @Test
    void aNameThatIsNotAFlywayVersionedMigrationIsRefusedNamingIt() {
        assertThatThrownBy(() -> Migration.parse("R__repeatable.sql"))
                .hasMessageContaining("'R__repeatable.sql' is not V<version>__<words>.sql");
    }
}
