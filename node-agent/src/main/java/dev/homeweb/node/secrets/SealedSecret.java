package dev.homeweb.node.secrets;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A secret as it travels to a node: still encrypted, with where and how the node's agent installs
 * it. On the wire (the agent's stdin) each is one header line {@code secret NAME PATH OWNER GROUP
 * MODE LENGTH} followed by LENGTH bytes of age ciphertext.
 */
public record SealedSecret(
        String name, String path, String owner, String group, String mode, byte[] ciphertext) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._/+@:-]+");

    public SealedSecret {
        for (var token : List.of(name, path, owner, group, mode)) {
            if (!TOKEN.matcher(token).matches()) {
                throw new IllegalArgumentException("bad token in sealed secret " + name);
            }
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public void writeTo(OutputStream out) throws IOException {
        var header =
                String.join(
                                " ",
                                "secret",
                                name,
                                path,
                                owner,
                                group,
                                mode,
                                Integer.toString(ciphertext.length))
                        + "\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(ciphertext);
    }

    /** Reads every sealed secret from a stream until its end. */
    public static List<SealedSecret> readAll(InputStream in) throws IOException {
        var data = new DataInputStream(in);
        var out = new ArrayList<SealedSecret>();
        while (true) {
            var line = readLine(data);
            if (line == null) {
                return out;
            }
            var f = line.split(" ");
            if (f.length != 7 || !f[0].equals("secret")) {
                throw new IOException("malformed sealed-secret header");
            }
            var bytes = new byte[Integer.parseInt(f[6])];
            data.readFully(bytes);
            out.add(new SealedSecret(f[1], f[2], f[3], f[4], f[5], bytes));
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        var line = new StringBuilder();
        while (true) {
            int c;
            try {
                c = in.readUnsignedByte();
            } catch (EOFException e) {
                if (line.length() == 0) {
                    return null;
                }
                throw e;
            }
            if (c == '\n') {
                return line.toString();
            }
            if (line.length() > 4096) {
                throw new IOException("sealed-secret header too long");
            }
            line.append((char) c);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedSecret s
                && s.name.equals(name)
                && s.path.equals(path)
                && java.util.Arrays.equals(s.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "SealedSecret[" + name + " -> " + path + ", " + ciphertext.length + " bytes]";
    }
}
