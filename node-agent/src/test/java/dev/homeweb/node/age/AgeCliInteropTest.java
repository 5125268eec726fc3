package dev.homeweb.node.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written here open with Debian's {@code age} 1.1.1 and the other way round, binary and
 * armored, with keys from {@code age-keygen} ({@code tools/prerequisites} installs both).
 */
class AgeCliInteropTest {
    private static final byte[] VALUE =
            "postgresql://homeweb:s3cr%t\u00e9@db:5432/homeweb\n".getBytes(StandardCharsets.UTF_8);

    @TempDir Path dir;
    Path keyFile;
    AgeIdentity cliIdentity;

    @BeforeEach
    void keyFromAgeKeygen() throws Exception {
        keyFile = dir.resolve("key.txt");
        run(List.of("age-keygen", "-o", keyFile.toString()), null);
        cliIdentity = AgeIdentity.parse(Files.readString(keyFile), keyFile.toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whatWeEncryptTheAgeCliDecrypts(boolean armor) throws Exception {
        var file = Files.write(dir.resolve("s.age"), Age.encrypt(VALUE, recipients(), armor));

        var plain = run(List.of("age", "-d", "-i", keyFile.toString(), file.toString()), null);

        assertThat(plain).isEqualTo(VALUE);
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1).startsWith("-----BEGIN"))
                .isEqualTo(armor);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whatTheAgeCliEncryptsWeDecrypt(boolean armor) throws Exception {
        var command = new ArrayList<>(List.of("age", "-r", cliIdentity.recipient().orElseThrow()));
        if (armor) {
            command.add("-a");
        }
        var ciphertext = run(command, VALUE);

        assertThat(Age.decrypt(ciphertext, cliIdentity.secretKeys())).isEqualTo(VALUE);
    }

    @Test
    void anIdentityWeGenerateWorksWithTheAgeCli() throws Exception {
        var ours = AgeIdentity.generate();
        var file =
                Files.writeString(dir.resolve("ours.txt"), ours.fileText(java.time.Instant.EPOCH));

        var derived = run(List.of("age-keygen", "-y", file.toString()), null);
        var ciphertext = run(List.of("age", "-r", ours.recipient().orElseThrow()), VALUE);

        assertThat(new String(derived, StandardCharsets.US_ASCII).strip())
                .isEqualTo(ours.recipient().orElseThrow());
        assertThat(
                        Age.decrypt(
                                ciphertext,
                                AgeIdentity.parse(Files.readString(file), "f").secretKeys()))
                .isEqualTo(VALUE);
    }

    @Test
    void aFileForAnotherRecipientIsRefusedWithoutQuotingAnything() throws Exception {
        var other = AgeIdentity.generate();
        var ciphertext = run(List.of("age", "-r", other.recipient().orElseThrow()), VALUE);

        assertThatThrownBy(() -> Age.decrypt(ciphertext, cliIdentity.secretKeys()))
                .isInstanceOf(Age.AgeException.class)
                .hasMessage(
                        "no identity here can decrypt it (it is encrypted to other recipients)");
        assertThatThrownBy(() -> Age.decrypt("not age".getBytes(), cliIdentity.secretKeys()))
                .isInstanceOf(Age.AgeException.class)
                .hasMessageStartingWith("it is not a valid age file");
    }

    @Test
    void aFileIsEncryptedToEveryRecipient() throws Exception {
        var other = AgeIdentity.generate();
        var ciphertext =
                Age.encrypt(
                        VALUE,
                        List.of(
                                other.recipient().orElseThrow(),
                                cliIdentity.recipient().orElseThrow()),
                        false);

        assertThat(Age.decrypt(ciphertext, other.secretKeys())).isEqualTo(VALUE);
        assertThat(Age.decrypt(ciphertext, cliIdentity.secretKeys())).isEqualTo(VALUE);
    }

    private List<String> recipients() {
        return List.of(cliIdentity.recipient().orElseThrow());
    }

    private static byte[] run(List<String> command, byte[] stdin)
            throws IOException, InterruptedException {
        var process =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        var out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return out;
    }
}
