package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.deploy.units.NodeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The database URL read by the node's shell into what pg_dump gets, for each form it takes. */
class SchemaScriptsTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "postgresql://blog:s3cret@db.example.org:6543/blog | db.example.org 6543 blog blog | db.example.org:6543:blog:blog:s3cret",
                "postgres://blog:s3cret@10.0.0.5/site | 10.0.0.5 5432 site blog | 10.0.0.5:5432:site:blog:s3cret",
                "jdbc:postgresql://127.0.0.1:5432/homeweb?user=hw&password=pw | 127.0.0.1 5432 homeweb hw | 127.0.0.1:5432:homeweb:hw:pw",
            })
    void readsEachUrlFormIntoConnectionWordsAndARootOnlyPgpass(
            String url, String words, String pgpass) throws Exception {
        var credential = Files.writeString(dir.resolve("database-url"), url + "\n");
        var script =
                "set -eu\n"
                        + SchemaScripts.connect(credential.toString())
                        + "echo \"$host $port $db $user\"\n"
                        + "cat \"$pgdir/pgpass\"\n"
                        + "stat -c %a \"$pgdir/pgpass\"\n";

        var result = new LocalShellHost().exec(script);

        assertThat(result.stdout()).isEqualTo(words + "\n" + pgpass + "\n600\n");
    }

    @Test
    void restoreTakesOnlyABackupNameThatStatusLists() {
        assertThatThrownBy(
                        () ->
                                SchemaScripts.restore(
                                        new NodeLayout("/srv/blog"),
                                        "/etc/credstore/home-web/database-url",
                                        "../../etc/shadow; rm -rf /"))
                .hasMessageContaining("is not a file name that 'deploy status' lists");
    }
}
