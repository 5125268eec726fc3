package dev.homeweb.deploy.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * Runs an exec request with {@code /bin/sh -c}, passing stdin through until the client's EOF (which
 * MINA's own process shell does not forward) and reporting the exit code.
 */
final class ShellCommand implements Command {
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    ShellCommand(String command) {
        this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        process = new ProcessBuilder("/bin/sh", "-c", command).start();
        pump(in, process.getOutputStream(), true);
        var stdout = pump(process.getInputStream(), out, false);
        var stderr = pump(process.getErrorStream(), err, false);
        var waiter =
                new Thread(
                        () -> {
                            try {
                                int code = process.waitFor();
                                stdout.join();
                                stderr.join();
                                exit.onExit(code);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        waiter.setDaemon(true);
        waiter.start();
    }

    private static Thread pump(InputStream from, OutputStream to, boolean closeTarget) {
        var thread =
                new Thread(
                        () -> {
                            try {
                                var buffer = new byte[32 * 1024];
                                int n;
                                while ((n = from.read(buffer)) >= 0) {
                                    to.write(buffer, 0, n);
                                    to.flush();
                                }
                            } catch (IOException e) {
                                // the other side went away; the exit code tells the rest
                            } finally {
                                if (closeTarget) {
                                    try {
                                        to.close();
                                    } catch (IOException e) {
                                        // already closed
                                    }
                                }
                            }
                        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (process != null) {
            process.destroy();
        }
    }
}
