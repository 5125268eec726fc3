package dev.homeweb.deploy.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a ustar archive of regular files and hard links, enough for the node's {@code tar -x} to
 * receive store files, or to make a release directory of links into the store, in one stream. Names
 * are ASCII release paths: up to 100 bytes, or 255 split at a slash into ustar's prefix.
 */
final class TarStream {
    private static final int BLOCK = 512;
    private static final byte REGULAR = '0';
    private static final byte HARD_LINK = '1';

    private final OutputStream out;

    TarStream(OutputStream out) {
        this.out = out;
    }

    void add(String name, Path source, long size) throws IOException {
        out.write(header(name, size, REGULAR, ""));
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
        out.write(header(name, content.length, REGULAR, ""));
        out.write(content);
        pad(content.length);
    }

    /** A hard link {@code name} to {@code target}, a name relative to where it is unpacked. */
    void link(String name, String target) throws IOException {
        out.write(header(name, 0, HARD_LINK, target));
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
        return header(name, size, REGULAR, "");
    }

    private static byte[] header(String name, long size, byte type, String linkName) {
        var h = new byte[BLOCK];
        var nameBytes = ascii(name);
        int split = split(nameBytes);
        if (split < 0) {
            System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
        } else {
            System.arraycopy(nameBytes, split + 1, h, 0, nameBytes.length - split - 1);
            System.arraycopy(nameBytes, 0, h, 345, split);
        }
        var linkBytes = ascii(linkName);
        if (linkBytes.length > 100) {
            throw new IllegalArgumentException("tar link target too long: " + linkName);
        }
        System.arraycopy(linkBytes, 0, h, 157, linkBytes.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, 0);
        h[156] = type;
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

    /**
     * Where a name longer than ustar's 100 bytes splits into prefix (at most 155) and name: the
     * first slash that leaves at most 100 after it; -1 for a name that fits whole.
     */
    private static int split(byte[] name) {
        if (name.length <= 100) {
            return -1;
        }
        for (int i = 0; i < name.length && i <= 155; i++) {
            if (name[i] == '/' && name.length - i - 1 <= 100) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "tar name too long: " + new String(name, StandardCharsets.US_ASCII));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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
