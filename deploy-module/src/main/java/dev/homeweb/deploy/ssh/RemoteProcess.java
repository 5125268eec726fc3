package dev.homeweb.deploy.ssh;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A command that keeps running on the node while the caller reads its output and writes its input,
 * such as the holder of the deploy lock. It ends when its input closes or its connection drops.
 */
public interface RemoteProcess extends AutoCloseable {
    InputStream stdout();

    OutputStream stdin();

    /** Whether the command still runs (as far as this side can tell). */
    boolean isAlive();

    /** Closes the command's input, waits a few seconds for it to end, then drops it. */
    @Override
    void close();
}
