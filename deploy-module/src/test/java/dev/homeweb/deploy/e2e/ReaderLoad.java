package dev.homeweb.deploy.e2e;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Readers during a deploy: {@code clients} threads, each on one keep-alive HTTP/1.1 connection,
 * fetching one page again and again and counting every answer. A refused connection, a reset, a
 * timeout or a connection closed inside the answer is one failure of its kind, and so is any status
 * but 200. One thing is retried, once, as browsers do (RFC 9110 9.2.2 allows it for an idempotent
 * GET): a reused keep-alive connection that the server closed before sending a single byte of the
 * answer. Such retries are counted and printed on their own; a retry that fails is a failure. A
 * client opens a new connection only after the server announced {@code Connection: close} or after
 * a failure.
 *
 * <p>JDK only, so that {@code bench/run} runs this very file with {@code java ReaderLoad.java HOST
 * PORT PATH CLIENTS -- COMMAND...}: the load runs for as long as the command does, then one summary
 * line goes to stdout.
 */
public final class ReaderLoad implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress address;
    private final byte[] request;
    private final long pauseMillis;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final LongAccumulator worstNanos = new LongAccumulator(Math::max, 0);
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private ReaderLoad(String host, int port, String path, long pauseMillis) {
        this.address = new InetSocketAddress(host, port);
        this.request =
                ("GET "
                                + path
                                + " HTTP/1.1\r\nHost: "
                                + host
                                + "\r\nUser-Agent: reader-load\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
        this.pauseMillis = pauseMillis;
    }

    /**
     * Starts {@code clients} readers of {@code path}, each pausing {@code pauseMillis} between its
     * requests (0: as fast as the server answers).
     */
    public static ReaderLoad start(
            String host, int port, String path, int clients, long pauseMillis) {
        var load = new ReaderLoad(host, port, path, pauseMillis);
        for (int i = 0; i < clients; i++) {
            var thread = new Thread(load::read, "reader-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    /** What the readers saw so far. */
    public Summary summary() {
        var byKind = new TreeMap<String, Long>();
        failures.forEach((kind, n) -> byKind.put(kind, n.get()));
        return new Summary(
                requests.get(),
                ok.get(),
                connections.get(),
                retried.get(),
                byKind,
                worstNanos.get() / 1_000_000);
    }

    /** Stops the readers (each finishes the request it is in) and returns what they saw. */
    public Summary stop() {
        running = false;
        for (var thread : threads) {
            try {
                thread.join(READ_TIMEOUT_MILLIS + 5_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return summary();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Requests sent, answered 200, connections opened, requests sent again after a reused
     * connection closed before any answer, failures by kind, the slowest request (including any
     * connect and retry it needed), in milliseconds.
     */
    public record Summary(
            long requests,
            long ok,
            long connections,
            long retried,
            Map<String, Long> failures,
            long worstMillis) {
        public Summary {
            failures = Map.copyOf(new TreeMap<>(failures));
        }

        public long failed() {
            return requests - ok;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d requests, %d failed%s, worst latency %d ms, %d connections, %d retried on a"
                            + " new connection after a reused one closed before answering",
                    requests,
                    failed(),
                    failures.isEmpty() ? "" : " " + failures,
                    worstMillis,
                    connections,
                    retried);
        }
    }

    private void read() {
        Socket socket = null;
        InputStream in = null;
        while (running) {
            long start = System.nanoTime();
            requests.incrementAndGet();
            boolean fresh = socket == null;
            try {
                if (socket == null) {
                    socket = connect();
                    in = new BufferedInputStream(socket.getInputStream());
                }
                Answer answer;
                try {
                    answer = exchange(socket, in);
                } catch (NoAnswer e) {
                    if (fresh) {
                        throw e;
                    }
                    // The keep-alive race: the server closed this idle connection as the request
                    // went out. A browser sends it again on a new connection; so do we, once.
                    retried.incrementAndGet();
                    closeQuietly(socket);
                    fresh = true;
                    socket = connect();
                    in = new BufferedInputStream(socket.getInputStream());
                    answer = exchange(socket, in);
                }
                worstNanos.accumulate(System.nanoTime() - start);
                if (answer.status() == 200) {
                    ok.incrementAndGet();
                } else {
                    fail("status " + answer.status());
                }
                if (answer.close()) {
                    socket = closeQuietly(socket);
                }
            } catch (IOException e) {
                worstNanos.accumulate(System.nanoTime() - start);
                fail(kind(e, fresh));
                socket = closeQuietly(socket);
            }
            pause();
        }
        closeQuietly(socket);
    }

    private Answer exchange(Socket socket, InputStream in) throws IOException {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        return Answer.read(in);
    }

    /** The connection closed before a single byte of the answer arrived. */
    private static final class NoAnswer extends EOFException {
        NoAnswer() {
            super("connection closed before the answer");
        }
    }

    private Socket connect() throws IOException {
        var socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
        connections.incrementAndGet();
        return socket;
    }

    /**
     * The kind of a failure. "closed before answer" on a reused connection is the keep-alive race a
     * browser retries (the server closed an idle connection as the request went out); it is counted
     * all the same.
     */
    private static String kind(IOException e, boolean fresh) {
        if (e instanceof ConnectException) {
            return "refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (e instanceof NoAnswer) {
            return fresh ? "closed before answer (new connection)" : "closed before answer";
        }
        if (e instanceof EOFException) {
            return "closed inside the answer";
        }
        if (e instanceof SocketException && String.valueOf(e.getMessage()).contains("reset")) {
            return "reset";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void fail(String kind) {
        failures.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private void pause() {
        if (pauseMillis > 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static Socket closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing more to learn from this connection
            }
        }
        return null;
    }

    /** One HTTP/1.1 response, read to its end: status, and whether the server closes. */
    private record Answer(int status, boolean close) {
        static Answer read(InputStream in) throws IOException {
            var statusLine = line(in, true);
            var parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1 status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (var header = line(in, false); !header.isEmpty(); header = line(in, false)) {
                int colon = header.indexOf(':');
                var name = header.substring(0, Math.max(colon, 0)).strip().toLowerCase(Locale.ROOT);
                var value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close");
                    default -> {}
                }
            }
            if (chunked) {
                for (long size = chunk(in); size > 0; size = chunk(in)) {
                    skip(in, size);
                    line(in, false);
                }
                for (var trailer = line(in, false); !trailer.isEmpty(); ) {
                    trailer = line(in, false);
                }
            } else if (length >= 0) {
                skip(in, length);
            } else {
                in.transferTo(OutputStream.nullOutputStream());
                close = true;
            }
            return new Answer(status, close);
        }

        private static long chunk(InputStream in) throws IOException {
            var size = line(in, false);
            int semicolon = size.indexOf(';');
            return Long.parseLong(
                    (semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
        }

        /** A CRLF-terminated line; EOF before its first byte is the server closing on us. */
        private static String line(InputStream in, boolean first) throws IOException {
            var text = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    if (first && text.length() == 0) {
                        throw new NoAnswer();
                    }
                    throw new EOFException("connection closed inside the answer");
                }
                if (c != '\r') {
                    text.append((char) c);
                }
            }
            return text.toString();
        }

        private static void skip(InputStream in, long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed inside the body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }
    }

    /**
     * {@code HOST PORT PATH CLIENTS [PAUSE_MS] -- COMMAND...}: runs the load while the command
     * runs, prints {@code requests=.. failed=.. worst_ms=.. failures=..} and exits with the
     * command's status.
     */
    public static void main(String[] args) throws Exception {
        int dashes = List.of(args).indexOf("--");
        if (dashes < 4 || dashes == args.length - 1) {
            System.err.println(
                    "usage: java ReaderLoad.java HOST PORT PATH CLIENTS [PAUSE_MS] -- COMMAND...");
            System.exit(2);
        }
        long pause = dashes > 4 ? Long.parseLong(args[4]) : 0;
        var load =
                start(
                        args[0],
                        Integer.parseInt(args[1]),
                        args[2],
                        Integer.parseInt(args[3]),
                        pause);
        var command = List.of(args).subList(dashes + 1, args.length);
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        var summary = load.stop();
        System.out.printf(
                Locale.ROOT,
                "requests=%d failed=%d worst_ms=%d connections=%d failures=%s%n",
                summary.requests(),
                summary.failed(),
                summary.worstMillis(),
                summary.connections(),
                summary.failures());
        System.exit(code);
    }
}
