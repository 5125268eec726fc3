package dev.homeweb.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackagedMigrationsTest {
    @Test
    void pendingAreThePackagedVersionsTheHistoryLacksOldestFirst() {
        var packaged =
                PackagedMigrations.fromFileNames(
                        List.of(
                                "V10__add_index.sql",
                                "V2__add_post_search.sql",
                                "V1__create_posts.sql",
                                "V1_1__fix_slug.sql",
                                "README.md"));

        assertThat(packaged.pendingGiven(Set.of("1")))
                .extracting(Migrations.Migration::version)
                .containsExactly("1.1", "2", "10");
        assertThat(packaged.pendingGiven(Set.of()).get(0).description()).isEqualTo("create posts");
        assertThat(packaged.pendingGiven(Set.of("1", "1.1", "2", "10"))).isEmpty();
    }

    @Test
    void findsTheMigrationsOfThisBuild() {
        assertThat(PackagedMigrations.find().pendingGiven(Set.of()))
                .extracting(Migrations.Migration::version)
                .startsWith("1", "2", "3");
    }
}
