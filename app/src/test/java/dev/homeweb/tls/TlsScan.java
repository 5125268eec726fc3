package dev.homeweb.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads an sslscan report: what a public HTTPS server must not offer. */
final class TlsScan {
    private static final Pattern OLD_PROTOCOL =
            Pattern.compile("^(SSLv2|SSLv3|TLSv1\\.0|TLSv1\\.1)\\s+enabled", Pattern.MULTILINE);
    private static final Pattern CIPHER =
            Pattern.compile(
                    "^(Preferred|Accepted)\\s+(\\S+)\\s+(\\d+) bits\\s+(\\S+)", Pattern.MULTILINE);

    /**
     * No forward secrecy (plain RSA key exchange), CBC, RC4, 3DES, NULL, export, MD5, SHA-1 MACs.
     */
    private static final Pattern WEAK_SUITE =
            Pattern.compile(
                    "^(AES|DES|RC4|NULL|EXP|ADH|AECDH)|CBC|RC4|DES|NULL|EXP|MD5|-SHA$|anon");

    private TlsScan() {}

    static List<String> problems(String report) {
        var problems = new ArrayList<String>();
        var protocols = OLD_PROTOCOL.matcher(report);
        while (protocols.find()) {
            problems.add(protocols.group(1) + " is enabled");
        }
        var ciphers = CIPHER.matcher(report);
        int count = 0;
        while (ciphers.find()) {
            count++;
            int bits = Integer.parseInt(ciphers.group(3));
            var name = ciphers.group(4);
            if (bits < 128 || WEAK_SUITE.matcher(name).find()) {
                problems.add(ciphers.group(2) + " " + name + " (" + bits + " bits) is weak");
            }
        }
        if (count == 0) {
            problems.add("the report lists no accepted cipher suite:\n" + report);
        }
        return problems;
    }
}
