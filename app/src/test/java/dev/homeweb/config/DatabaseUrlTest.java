package dev.homeweb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void splitsCredentialsOutOfAPostgresqlUrl() {
        var url =
                DatabaseUrl.parse(
                        "postgresql://blog:p%40ss%3Aword@db.internal:5433/homeweb?sslmode=require",
                        "test");

        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.internal:5433/homeweb?sslmode=require");
        assertThat(url.user()).isEqualTo("blog");
        assertThat(url.password()).isEqualTo("p@ss:word");
    }

    @Test
    void acceptsThePostgresSchemeAndNoPort() {
        var url = DatabaseUrl.parse("postgres://blog@localhost/homeweb", "test");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/homeweb");
        assertThat(url.user()).isEqualTo("blog");
        assertThat(url.password()).isNull();
    }

    @Test
    void neverPrintsThePassword() {
        var url =
                DatabaseUrl.parse(
                        "jdbc:postgresql://db/homeweb?user=blog&password=hunter2", "test");
        var other = DatabaseUrl.parse("postgresql://blog:hunter2@db/homeweb", "test");

        assertThat(url.toString()).doesNotContain("hunter2").contains("password=***");
        assertThat(url.redacted()).doesNotContain("hunter2");
        assertThat(other.toString()).doesNotContain("hunter2");
    }

    @Test
    void rejectsAUrlWithoutDatabaseName() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:secret@db:5432/", "file x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("file x holds a URL without a database name")
                .message()
                .doesNotContain("secret");
    }

    @Test
    void rejectsAJdbcUrlWithUserInfoWithoutRepeatingIt() {
        assertThatThrownBy(
                        () ->
                                DatabaseUrl.parse(
                                        "jdbc:postgresql://blog:secret@db:5432/blog", "file x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "file x holds a jdbc: URL with user:password@ before the host")
                .message()
                .doesNotContain("secret");
    }

    @Test
    void rejectsMoreThanOneLine() {
        assertThatThrownBy(
                        () -> DatabaseUrl.parse("postgresql://db/a\npostgresql://db/b", "file x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("more than one line");
    }

    @Test
    void seesNoPointInTlsOnlyForLoopbackHostsWithoutATlsChoice() {
        assertThat(parse("postgresql://u:p@127.0.0.1:5432/homeweb").loopbackWithoutTlsChoice())
                .isTrue();
        assertThat(
                        parse("postgresql://localhost/homeweb?connectTimeout=3")
                                .loopbackWithoutTlsChoice())
                .isTrue();
        assertThat(
                        parse("jdbc:postgresql://[::1]:5432,127.1.2.3/homeweb")
                                .loopbackWithoutTlsChoice())
                .isTrue();

        assertThat(parse("postgresql://db.example.org/homeweb").loopbackWithoutTlsChoice())
                .isFalse();
        assertThat(
                        parse("jdbc:postgresql://localhost,db.example.org/homeweb")
                                .loopbackWithoutTlsChoice())
                .isFalse();
        // A name that only starts like a loopback address is someone else's host.
        assertThat(parse("postgresql://127.0.0.1.example.org/homeweb").loopbackWithoutTlsChoice())
                .isFalse();
        assertThat(
                        parse("postgresql://localhost/homeweb?sslmode=require")
                                .loopbackWithoutTlsChoice())
                .isFalse();
        assertThat(
                        parse("jdbc:postgresql://127.0.0.1/homeweb?user=u&ssl=true")
                                .loopbackWithoutTlsChoice())
                .isFalse();
    }

    private static DatabaseUrl parse(String text) {
        return DatabaseUrl.parse(text, "test");
    }
}
