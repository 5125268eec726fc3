package dev.homeweb.deploy.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One authenticated JSch session. Each {@link #exec} opens an exec channel; stdout and stderr are
 * collected by JSch's session thread while the caller writes stdin, so large inputs cannot deadlock
 * against unread output.
 */
final class JschRemoteHost implements RemoteHost {
    private final Session session;
    private final SshTarget target;

    JschRemoteHost(Session session, SshTarget target) {
        this.session = session;
        this.target = target;
    }

    @Override
    public ExecResult exec(String command, Stdin stdin) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = run(command, stdin, out, err);
        return new ExecResult(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public int stream(String command, OutputStream out, OutputStream err) {
        return run(command, Stdin.NONE, out, err);
    }

    @Override
    public RemoteProcess start(String command) {
        try {
            var channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command);
            channel.setErrStream(OutputStream.nullOutputStream(), true);
            var stdout = channel.getInputStream();
            var stdin = channel.getOutputStream();
            channel.connect(30_000);
            return new RemoteProcess() {
                @Override
                public java.io.InputStream stdout() {
                    return stdout;
                }

                @Override
                public OutputStream stdin() {
                    return stdin;
                }

                @Override
                public boolean isAlive() {
                    return !channel.isClosed() && session.isConnected();
                }

                @Override
                public void close() {
                    try {
                        stdin.close();
                        for (int i = 0; i < 1000 && isAlive(); i++) {
                            Thread.sleep(10);
                        }
                    } catch (IOException e) {
                        // the connection is gone, and with it the command
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        channel.disconnect();
                    }
                }
            };
        } catch (JSchException | IOException e) {
            throw new SshFailure("command on " + target + " failed: " + e.getMessage(), false, e);
        }
    }

    private int run(String command, Stdin stdin, OutputStream out, OutputStream err) {
        ChannelExec channel = null;
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command);
            channel.setOutputStream(out, true);
            channel.setErrStream(err, true);
            var input = channel.getOutputStream();
            channel.connect(30_000);
            try (input) {
                stdin.writeTo(input);
            }
            while (!channel.isClosed()) {
                if (!session.isConnected()) {
                    break;
                }
                Thread.sleep(5);
            }
            int status = channel.getExitStatus();
            if (status < 0) {
                throw new SshFailure(
                        "connection to " + target + " dropped during a command", false, null);
            }
            return status;
        } catch (JSchException | IOException e) {
            throw new SshFailure("command on " + target + " failed: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshFailure("interrupted during a command on " + target, false, e);
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    @Override
    public String description() {
        return session.getUserName() + "@" + session.getHost() + ":" + session.getPort();
    }

    @Override
    public void close() {
        session.disconnect();
    }
}
