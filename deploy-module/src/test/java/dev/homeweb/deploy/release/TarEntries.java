package dev.homeweb.deploy.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads back what {@link TarStream} wrote, by the ustar layout (POSIX.1-1988), for assertions. */
record TarEntries(String name, char type, String linkName, String content) {
    static TarEntries link(String name, String target) {
        return new TarEntries(name, '1', target, "");
    }

    static TarEntries file(String name, String content) {
        return new TarEntries(name, '0', "", content);
    }

    static List<TarEntries> read(byte[] tar) {
        var entries = new ArrayList<TarEntries>();
        for (int at = 0; at + 512 <= tar.length; ) {
            var h = Arrays.copyOfRange(tar, at, at + 512);
            if (h[0] == 0) {
                break;
            }
            var prefix = text(h, 345, 155);
            var name = (prefix.isEmpty() ? "" : prefix + "/") + text(h, 0, 100);
            int size = Integer.parseInt(text(h, 124, 12).trim(), 8);
            var content = new String(tar, at + 512, size, StandardCharsets.UTF_8);
            entries.add(new TarEntries(name, (char) h[156], text(h, 157, 100), content));
            at += 512 + (size + 511) / 512 * 512;
        }
        return entries;
    }

    private static String text(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) {
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
