package dev.homeweb.deploy.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a flat ustar archive of regular files, enough for the node's {@code tar -x} to receive
 * store files in one stream. Names are store names (short, ASCII), so no long-name extensions.
 */
final class TarStream {
    private static final int BLOCK = 512;

    private final OutputStream out;

    TarStream(OutputStream out) {
        this.out = out;
    }

    void add(String name, Path source, long size) throws IOException {
        out.write(header(name, size));
        long copied;
        try (var in = Files.newInputStream(source)) {
            copied = in.transferTo(out);
        }
        if (copied != size) {
            throw new IOException(source + " changed while uploading (" + copied + " bytes)");
        }
        pad(size);
    }

    void add(String name, byte[] content) throws IOException {
        out.write(header(name, content.length));
        out.write(content);
        pad(content.length);
    }

    void finish() throws IOException {
        out.write(new byte[BLOCK * 2]);
        out.flush();
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    static byte[] header(String name, long size) {
        var nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length > 99) {
            throw new IllegalArgumentException("tar name too long: " + name);
        }
        var h = new byte[BLOCK];
        System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, 0);
        h[156] = '0';
        var magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, h, 257, magic.length);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        var checksum = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void octal(byte[] h, int offset, int length, long value) {
        var digits = String.format("%0" + (length - 1) + "o", value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException("value too large for tar: " + value);
        }
        System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, h, offset, digits.length());
        h[offset + length - 1] = 0;
    }
}
