package dev.homeweb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeweb.testing.ContentDir;
import dev.homeweb.testing.JarProcess;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.SlowResponse;
import dev.homeweb.testing.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** serve stopped by SIGTERM, as systemd stops it. */
@ExtendWith(PostgresExtension.class)
class GracefulStopIT extends RunsTheJar {
    /**
     * A response still being written when SIGTERM comes is finished, whole, while the server takes
     * no new connection. The page is some 10 MB and the client's receive window a few KB: even if
     * the kernel took the server's largest send buffer (4 MB here), most of the body is still in
     * the server's hands when the signal arrives.
     */
    @Test
    void serveFinishesAnInFlightResponseOnSigtermAndTakesNoNewConnection(TestDatabase db)
            throws Exception {
        var url = db.writeUrlFile(dir).toString();
        run("migrate", "--database-url-file", url);
        var content = new ContentDir(dir.resolve("content"));
        content.post("big.md", "Big", "2026-01-01", "");
        Files.writeString(
                content.root().resolve("posts/big.md"),
                ("A paragraph of a long post, long enough to take a while to send.\n\n")
                        .repeat(150_000),
                StandardOpenOption.APPEND);
        var imported =
                run("import", "--database-url-file", url, "--content", content.root().toString());
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        var server =
                JarProcess.start(
                        dir, Map.of("HOME_WEB_PORT", "0"), "serve", "--database-url-file", url);
        var port = server.awaitListeningPort();

        try (var response = SlowResponse.get(port, "/blog/big")) {
            assertThat(response.head()).startsWith("HTTP/1.1 200 ");
            assertThat(response.contentLength()).isGreaterThan(10_000_000);
            assertThat(response.read(65_536)).isEqualTo(65_536);

            server.process().destroy();
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> refusesConnections(port));
            assertThat(server.process().isAlive()).as("still finishing the response").isTrue();

            response.read(Long.MAX_VALUE);
            assertThat(response.bodyRead()).isEqualTo(response.contentLength());
            assertThat(response.tail()).endsWith("</html>\n");
        }
        var result = server.await(20);
        assertThat(result.exitCode()).isEqualTo(143);
        assertThat(result.stderr()).doesNotContain("Exception");
    }

    private static boolean refusesConnections(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
