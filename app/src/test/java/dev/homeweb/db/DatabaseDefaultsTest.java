package dev.homeweb.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.config.DatabaseUrl;
import org.junit.jupiter.api.Test;

class DatabaseDefaultsTest {
    @Test
    void turnsTlsOffForALoopbackDatabaseWhoseUrlLeavesItOpen() {
        var props =
                Database.connectionProperties(
                        DatabaseUrl.parse("postgresql://u:p@127.0.0.1:5432/homeweb", "test"));

        assertThat(props.getProperty("sslmode")).isEqualTo("disable");
    }

    @Test
    void leavesTlsToTheUrlOrTheDriverOtherwise() {
        var remote = DatabaseUrl.parse("postgresql://u:p@db.example.org/homeweb", "test");
        var chosen =
                DatabaseUrl.parse("postgresql://u:p@localhost/homeweb?sslmode=verify-full", "test");

        assertThat(Database.connectionProperties(remote).getProperty("sslmode")).isNull();
        // The URL's own setting wins in the driver; nothing is added beside it.
        assertThat(Database.connectionProperties(chosen).getProperty("sslmode")).isNull();
    }
}
