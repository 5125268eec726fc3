package dev.homeweb.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A GET whose response the test reads when it chooses: the socket's receive buffer is a few KB, so
 * a large body stays in the server's hands, mid-write, until the test reads on.
 */
public final class SlowResponse implements AutoCloseable {
    private static final Pattern CONTENT_LENGTH =
            Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private final Socket socket;
    private final InputStream in;
    private final String head;
    private final long contentLength;
    private long bodyRead;
    private final byte[] tail = new byte[64];

    private SlowResponse(Socket socket, InputStream in, String head, long contentLength) {
        this.socket = socket;
        this.in = in;
        this.head = head;
        this.contentLength = contentLength;
    }

    /** Sends the request and reads the status line and headers, not the body. */
    public static SlowResponse get(int port, String path) throws IOException {
        var socket = new Socket();
        // Set before connecting, so the window the server may fill stays this small.
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        socket.getOutputStream()
                .write(
                        ("GET "
                                        + path
                                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
        var in = socket.getInputStream();
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the headers: " + head);
            }
            head.write(b);
        }
        var text = head.toString(StandardCharsets.ISO_8859_1);
        var length = CONTENT_LENGTH.matcher(text);
        if (!length.find()) {
            throw new IOException("no Content-Length in " + text);
        }
        return new SlowResponse(socket, in, text, Long.parseLong(length.group(1)));
    }

    public String head() {
        return head;
    }

    public long contentLength() {
        return contentLength;
    }

    /** Reads {@code bytes} more of the body, or less where it ends; returns how many. */
    public long read(long bytes) throws IOException {
        var buffer = new byte[8192];
        long total = 0;
        while (total < bytes) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, bytes - total));
            if (n < 0) {
                break;
            }
            keepTail(buffer, n);
            total += n;
        }
        bodyRead += total;
        return total;
    }

    /** How much of the body has arrived so far. */
    public long bodyRead() {
        return bodyRead;
    }

    /** The last bytes of the body read so far, as text. */
    public String tail() {
        int length = (int) Math.min(tail.length, bodyRead);
        return new String(tail, tail.length - length, length, StandardCharsets.UTF_8);
    }

    private void keepTail(byte[] buffer, int n) {
        int keep = Math.min(n, tail.length);
        System.arraycopy(tail, keep, tail, 0, tail.length - keep);
        System.arraycopy(buffer, n - keep, tail, tail.length - keep, keep);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
