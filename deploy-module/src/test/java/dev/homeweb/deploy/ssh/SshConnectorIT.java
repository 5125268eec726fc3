package dev.homeweb.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@link SshConnector} against a real sshd: commands, streams, and host keys. */
class SshConnectorIT extends WithTestSshServer {
    @Test
    void execReturnsExitCodeStdoutAndStderr() {
        try (var host = server.connect()) {
            var result = host.exec("echo out; echo err >&2; exit 7");

            assertThat(result.exitCode()).isEqualTo(7);
            assertThat(result.stdout()).isEqualTo("out\n");
            assertThat(result.stderr()).isEqualTo("err\n");
        }
    }

    @Test
    void stdinReachesTheCommandAndNotItsArguments() throws Exception {
        var target = dir.resolve("received");
        try (var host = server.connect()) {
            var result =
                    new NodeShell(host, false)
                            .runWithInput(
                                    "cat > " + target + "; ps -o args= -p $$",
                                    out -> out.write("s3cret".getBytes(StandardCharsets.UTF_8)));

            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).doesNotContain("s3cret");
        }
        assertThat(Files.readString(target)).isEqualTo("s3cret");
    }

    @Test
    void aMegabyteOfStdinAndOutputDoNotDeadlock() {
        var big = new byte[1 << 20];
        try (var host = server.connect()) {
            var result = host.exec("cat", out -> out.write(big));

            assertThat(result.stdout()).hasSize(big.length);
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedBeforeAnyCommandRuns() throws Exception {
        var empty = Files.writeString(dir.resolve("empty_known_hosts"), "");
        var connector = new SshConnector(server.settings().withKnownHosts(empty));

        assertThatThrownBy(() -> connector.connect(server.target()))
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("is not in")
                .matches(e -> ((SshFailure) e).hostKeyProblem());
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWhenNewKeysAreAccepted() throws Exception {
        var other = TestSshServer.start(Files.createTempDirectory(dir, "other"));
        var wrong =
                Files.writeString(
                        dir.resolve("wrong_known_hosts"),
                        Files.readString(other.knownHosts)
                                .replace(":" + other.port() + " ", ":" + server.port() + " "));
        other.close();
        var connector =
                new SshConnector(
                        server.settings().withKnownHosts(wrong).acceptingNewHostKeys(true));

        assertThatThrownBy(() -> connector.connect(server.target()))
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("has CHANGED");
    }

    @Test
    void acceptNewRecordsAnUnknownHostKeyOnFirstUse() throws Exception {
        var fresh = dir.resolve("fresh_known_hosts");
        var connector =
                new SshConnector(
                        server.settings().withKnownHosts(fresh).acceptingNewHostKeys(true));

        try (var host = connector.connect(server.target())) {
            assertThat(host.exec("true").ok()).isTrue();
        }
        assertThat(Files.readString(fresh)).startsWith("[127.0.0.1]:" + server.port() + " ecdsa");
        try (var again =
                new SshConnector(server.settings().withKnownHosts(fresh))
                        .connect(server.target())) {
            assertThat(again.exec("true").ok()).isTrue();
        }
    }
}
