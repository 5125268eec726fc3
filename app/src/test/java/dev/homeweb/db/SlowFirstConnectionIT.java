package dev.homeweb.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeweb.config.DatabaseUrl;
import dev.homeweb.testing.PostgresExtension;
import dev.homeweb.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PostgreSQL that takes the connection but answers late (a busy node, one just started) is waited
 * for on a command's first connection, past the pool's 2 s request timeout; a refusal is not.
 */
@ExtendWith(PostgresExtension.class)
class SlowFirstConnectionIT {

    @Test
    void aDatabaseThatAnswersLaterThanThePoolsTimeoutIsWaitedForOnTheFirstConnection(
            TestDatabase db) throws Exception {
        try (var proxy = new LateProxy(db.url(), Duration.ofMillis(3_500));
                var database = new Database(proxy.url(), 2)) {
            database.requireConnection();

            assertThat(proxy.accepted.get()).isPositive();
            try (var connection = database.dataSource().getConnection();
                    var result = connection.createStatement().executeQuery("select 1")) {
                assertThat(result.next()).isTrue();
            }
        }
    }

    @Test
    void aRefusedConnectionIsNotWaitedFor() throws Exception {
        int port;
        try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        var url = new DatabaseUrl("jdbc:postgresql://127.0.0.1:" + port + "/none", "x", null);
        long started = System.nanoTime();
        try (var database = new Database(url, 2)) {
            assertThatThrownBy(database::requireConnection)
                    .isInstanceOf(ConnectionFailed.class)
                    .hasMessageContaining("refused");
        }
        // Not a speed figure: less than the patience means it did not wait for the refusal.
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Database.FIRST_CONNECTION_PATIENCE);
    }

    /** Accepts at once, but passes bytes to the real server only after a delay. */
    private static final class LateProxy implements AutoCloseable {
        final AtomicInteger accepted = new AtomicInteger();
        private final ServerSocket socket;
        private final DatabaseUrl target;
        private final int targetPort;

        LateProxy(DatabaseUrl target, Duration delay) throws IOException {
            this.target = target;
            this.targetPort = URI.create(target.jdbcUrl().substring("jdbc:".length())).getPort();
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            var acceptor =
                    new Thread(
                            () -> {
                                while (!socket.isClosed()) {
                                    try {
                                        var client = socket.accept();
                                        accepted.incrementAndGet();
                                        Thread.sleep(delay.toMillis());
                                        var server =
                                                new Socket(
                                                        InetAddress.getLoopbackAddress(),
                                                        targetPort);
                                        pipe(client.getInputStream(), server.getOutputStream());
                                        pipe(server.getInputStream(), client.getOutputStream());
                                    } catch (IOException | InterruptedException e) {
                                        return;
                                    }
                                }
                            },
                            "late-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        DatabaseUrl url() {
            var path = URI.create(target.jdbcUrl().substring("jdbc:".length())).getPath();
            return new DatabaseUrl(
                    "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + path,
                    target.user(),
                    target.password());
        }

        private static void pipe(InputStream from, OutputStream to) {
            var thread =
                    new Thread(
                            () -> {
                                try (from;
                                        to) {
                                    from.transferTo(to);
                                } catch (IOException e) {
                                    // The other side closed.
                                }
                            },
                            "late-proxy-pipe");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
