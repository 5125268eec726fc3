package dev.homeweb.node.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.node.age.Age;
import dev.homeweb.node.age.AgeIdentity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node agent against a temporary identity and credstore (file owners need root: CI is). */
class SecretsAgentTest {
    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    SecretsAgent agent() {
        out.reset();
        err.reset();
        return new SecretsAgent(
                dir.resolve("etc/age/identity"),
                dir.resolve("credstore"),
                new NodeFiles(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    int run(String verb, List<SealedSecret> secrets) throws IOException {
        var stdin = new ByteArrayOutputStream();
        for (var s : secrets) {
            s.writeTo(stdin);
        }
        return agent().run(
                        new String[] {verb, "--node", "blog"},
                        new ByteArrayInputStream(stdin.toByteArray()));
    }

    String recipient() throws IOException {
        assertThat(run("init", List.of())).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow().substring(10);
    }

    SealedSecret sealed(String name, String value, String recipient) {
        return new SealedSecret(
                name,
                dir.resolve("credstore/" + name).toString(),
                "root",
                "root",
                "0400",
                Age.encrypt(value.getBytes(StandardCharsets.UTF_8), List.of(recipient), false));
    }

    @Test
    void initCreatesARootOnlyIdentityOnceAndNeverOverwritesIt() throws Exception {
        var first = recipient();
        var identity = dir.resolve("etc/age/identity");
        var text = Files.readString(identity);

        var second = recipient();

        assertThat(second).isEqualTo(first).startsWith("age1");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("existing");
        assertThat(Files.readString(identity)).isEqualTo(text).contains("AGE-SECRET-KEY-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity)))
                .isEqualTo("r--------");
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(identity.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void applyInstallsChangedValuesOnlyAndNeverPrintsThem() throws Exception {
        var r = recipient();
        assertThat(run("apply", List.of(sealed("db", "value-one", r), sealed("tok", "t-1", r))))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("added db [0-9a-f]{12}\n")
                .containsPattern("added tok [0-9a-f]{12}\n");
        var db = dir.resolve("credstore/db");
        assertThat(Files.readString(db)).isEqualTo("value-one");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
                .isEqualTo("r--------");

        // re-encrypted (new ciphertext) but the same value: unchanged
        assertThat(run("apply", List.of(sealed("db", "value-one", r), sealed("tok", "t-2", r))))
                .isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("unchanged db [0-9a-f]{12}\n")
                .containsPattern("changed tok [0-9a-f]{12}\n")
                .doesNotContain("value-one")
                .doesNotContain("t-2");
        assertThat(Files.readString(dir.resolve("credstore/tok"))).isEqualTo("t-2");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void checkReportsButWritesNothing() throws Exception {
        var r = recipient();

        assertThat(run("check", List.of(sealed("db", "v", r)))).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("added db ");
        assertThat(dir.resolve("credstore/db")).doesNotExist();
    }

    @Test
    void oneSecretTheNodeCannotDecryptStopsTheWholeBatch() throws Exception {
        var r = recipient();
        run("apply", List.of(sealed("db", "old", r)));
        var stranger = AgeIdentity.generate().recipient().orElseThrow();

        int code = run("apply", List.of(sealed("db", "new", r), sealed("tok", "t", stranger)));

        assertThat(code).isEqualTo(SecretsAgent.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("secret 'tok' cannot be decrypted on node 'blog'")
                .contains("nothing was changed");
        assertThat(Files.readString(dir.resolve("credstore/db"))).isEqualTo("old");
        assertThat(dir.resolve("credstore/tok")).doesNotExist();
    }

    @Test
    void aSecretNoLongerSentIsRemoved() throws Exception {
        var r = recipient();
        run("apply", List.of(sealed("db", "v", r), sealed("tok", "t", r)));

        run("apply", List.of(sealed("db", "v", r)));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("removed tok\n");
        assertThat(dir.resolve("credstore/tok")).doesNotExist();
        assertThat(dir.resolve("credstore/db")).exists();
    }

    @Test
    void withoutAnIdentityItSaysToRunInit() throws Exception {
        var r = AgeIdentity.generate().recipient().orElseThrow();

        assertThat(run("apply", List.of(sealed("db", "v", r)))).isEqualTo(SecretsAgent.REJECTED);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("node 'blog' has no age identity")
                .contains("run ./deploy secrets init blog");
    }
}
