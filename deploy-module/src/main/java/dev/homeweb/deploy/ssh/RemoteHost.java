package dev.homeweb.deploy.ssh;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A connection to one node that runs shell commands. Data that must stay out of argv and the
 * environment (secrets, file contents) goes through the command's standard input.
 */
public interface RemoteHost extends AutoCloseable {

    /** Writes a command's standard input; the stream is closed afterwards. */
    @FunctionalInterface
    interface Stdin {
        Stdin NONE = out -> {};

        void writeTo(OutputStream out) throws IOException;
    }

    /** Runs {@code command} with {@code /bin/sh -c} semantics on the node. */
    ExecResult exec(String command, Stdin stdin);

    default ExecResult exec(String command) {
        return exec(command, Stdin.NONE);
    }

    /**
     * Starts a command that runs until its input closes or the connection drops; the caller reads
     * and writes it as it runs.
     */
    RemoteProcess start(String command);

    /** Runs a command whose output is passed on as it arrives; returns its exit code. */
    int stream(String command, OutputStream out, OutputStream err);

    /** Who and where, for messages: {@code deploy@10.0.0.2:22}. */
    String description();

    @Override
    void close();
}
