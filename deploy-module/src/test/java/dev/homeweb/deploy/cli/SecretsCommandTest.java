package dev.homeweb.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.node.age.Age;
import dev.homeweb.node.age.AgeIdentity;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy secrets set|show|edit|list|rekey} on a config in a temporary folder. */
class SecretsCommandTest {
    @TempDir Path dir;
    AgeIdentity node;
    AgeIdentity admin;
    Path adminFile;
    final Map<String, String> environment = new HashMap<>();

    record Run(int code, String out, String err) {}

    @BeforeEach
    void config() throws Exception {
        node = AgeIdentity.generate();
        admin = AgeIdentity.generate();
        adminFile = Files.writeString(dir.resolve("admin.txt"), admin.fileText(Instant.EPOCH));
        Files.writeString(
                dir.resolve("deploy.yaml"),
                """
                secrets:
                  admins: [%s]
                  database-url: {}
                nodes:
                  blog:
                    hostname: h
                    age_recipient: %s
                """
                        .formatted(
                                admin.recipient().orElseThrow(), node.recipient().orElseThrow()));
        environment.put("HOME", dir.toString());
    }

    Run run(String stdin, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new ArrayList<>(List.of("--config", dir.resolve("deploy.yaml").toString()));
        all.addAll(List.of(args));
        int code =
                DeployCommand.commandLine(
                                environment,
                                Clock.systemUTC(),
                                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                                new PrintWriter(out, true),
                                new PrintWriter(err, true))
                        .execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    byte[] file() throws Exception {
        return Files.readAllBytes(dir.resolve("secrets/database-url.age"));
    }

    @Test
    void setEncryptsStdinToTheNodeAndTheAdminsWithoutAnyIdentity() throws Exception {
        var set = run("postgresql://u:pw-one@db/blog", "secrets", "set", "database-url");

        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("encrypted to 2 recipient(s)").doesNotContain("pw-one");
        assertThat(new String(Age.decrypt(file(), node.secretKeys()), StandardCharsets.UTF_8))
                .isEqualTo("postgresql://u:pw-one@db/blog");
        assertThat(Age.decrypt(file(), admin.secretKeys()))
                .isEqualTo(Age.decrypt(file(), node.secretKeys()));
    }

    @Test
    void showNeedsTheAdminIdentityAndSaysWhereToPutIt() {
        run("value", "secrets", "set", "database-url");

        var refused = run("", "secrets", "show", "database-url");
        environment.put("HOME_WEB_AGE_IDENTITY", adminFile.toString());
        var shown = run("", "secrets", "show", "database-url");

        assertThat(refused.code()).isEqualTo(ExitCode.FAILED_NO_CHANGE);
        assertThat(refused.err())
                .contains(
                        "no admin identity: pass --age-identity FILE or set HOME_WEB_AGE_IDENTITY");
        assertThat(shown.out()).isEqualTo("value");
    }

    @Test
    void editRunsTheEditorOnAPrivateCopyAndReencryptsOnlyAChange() throws Exception {
        run("old-value", "secrets", "set", "database-url");
        environment.put("EDITOR", "sed -i s/old/new/");

        var edit =
                run("", "secrets", "edit", "database-url", "--age-identity", adminFile.toString());
        var before = file();
        environment.put("EDITOR", "true");
        var same =
                run("", "secrets", "edit", "database-url", "--age-identity", adminFile.toString());

        assertThat(edit.code()).as(edit.err()).isZero();
        assertThat(new String(Age.decrypt(before, node.secretKeys()), StandardCharsets.UTF_8))
                .isEqualTo("new-value");
        assertThat(same.out()).contains("unchanged");
        assertThat(file()).isEqualTo(before);
        try (var left = Files.list(Path.of("/dev/shm"))) {
            assertThat(left.map(Path::toString)).noneMatch(p -> p.contains("home-web-secret-"));
        }
    }

    @Test
    void listShowsNamesRecipientsAndUnitsButNoValues() {
        run("hidden-value", "secrets", "set", "database-url");

        var list = run("", "secrets", "list");

        assertThat(list.out())
                .contains("database-url")
                .contains("node   blog " + node.recipient().orElseThrow())
                .contains(
                        "units  home-web.service home-web-migrate@.service home-web-import.service")
                .doesNotContain("hidden-value");
    }

    @Test
    void rekeyReencryptsToTheCurrentRecipients() throws Exception {
        run("v", "secrets", "set", "database-url");
        var newNode = AgeIdentity.generate();
        var config = dir.resolve("deploy.yaml");
        Files.writeString(
                config,
                Files.readString(config)
                        .replace(
                                node.recipient().orElseThrow(), newNode.recipient().orElseThrow()));

        var rekey = run("", "secrets", "rekey", "--age-identity", adminFile.toString());

        assertThat(rekey.code()).as(rekey.err()).isZero();
        assertThat(Age.decrypt(file(), newNode.secretKeys())).isEqualTo("v".getBytes());
    }

    @Test
    void setRefusesANodeWithoutRecipient() throws Exception {
        var config = dir.resolve("deploy.yaml");
        Files.writeString(
                config, Files.readString(config).replaceAll("    age_recipient: .*\n", ""));

        var set = run("v", "secrets", "set", "database-url");

        assertThat(set.code()).isEqualTo(ExitCode.USAGE);
        assertThat(set.err())
                .contains("node 'blog' has no age_recipient; run ./deploy secrets init blog");
    }
}
