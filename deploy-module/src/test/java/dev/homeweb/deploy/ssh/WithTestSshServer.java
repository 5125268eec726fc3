package dev.homeweb.deploy.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * For ITs that talk to one real sshd for the whole class, with node roots under {@code dir}: the
 * server keeps its keys in {@code dir/ssh}, apart from what the tests put there.
 */
public abstract class WithTestSshServer {
    @TempDir protected static Path dir;
    protected static TestSshServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestSshServer.start(Files.createDirectories(dir.resolve("ssh")));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }
}
