package dev.homeweb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A TCP port nothing listens on, for a server a test starts as a separate process. */
public final class FreePort {
    private FreePort() {}

    /**
     * A port the kernel just handed out and took back. Another process could take it before the
     * server under test binds it: a small race the tests accept for servers they cannot hand a
     * listening socket to.
     */
    public static int find() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
