package dev.homeweb.deploy.e2e;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads sslscan's XML report ({@code --xml=-}) for what a public HTTPS server must not offer: SSL,
 * TLS 1.0 or 1.1, and TLS 1.2 suites without forward secrecy or without AEAD (CBC, whatever
 * OpenSSL's name says), or any under 128 bits.
 */
final class SslscanReport {
    /** TLS 1.2 suites worth offering: ephemeral key exchange and an AEAD cipher. */
    private static final Pattern STRONG_TLS12 =
            Pattern.compile("^(ECDHE|DHE)-(ECDSA|RSA)-(AES(128|256)-GCM|CHACHA20-POLY1305)");

    private SslscanReport() {}

    static List<String> problems(String xml) throws Exception {
        var document =
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        var problems = new ArrayList<String>();
        for (var protocol : elements(document.getElementsByTagName("protocol"))) {
            var name = protocol.getAttribute("type") + protocol.getAttribute("version");
            boolean old = !(name.equals("tls1.2") || name.equals("tls1.3"));
            if (old && protocol.getAttribute("enabled").equals("1")) {
                problems.add(name + " is enabled");
            }
        }
        var ciphers = elements(document.getElementsByTagName("cipher"));
        if (ciphers.isEmpty()) {
            problems.add("sslscan lists no accepted cipher suite");
        }
        for (var cipher : ciphers) {
            var name = cipher.getAttribute("cipher");
            int bits = Integer.parseInt(cipher.getAttribute("bits"));
            boolean weak =
                    cipher.getAttribute("sslversion").equals("TLSv1.2")
                            && !STRONG_TLS12.matcher(name).find();
            if (bits < 128 || weak) {
                problems.add(
                        cipher.getAttribute("sslversion") + " " + name + " (" + bits + " bits)");
            }
        }
        return problems;
    }

    /** The accepted suites, one line each: the scanner's verdict for the report. */
    static List<String> accepted(String xml) throws Exception {
        var document =
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return elements(document.getElementsByTagName("cipher")).stream()
                .map(c -> c.getAttribute("sslversion") + " " + c.getAttribute("cipher"))
                .toList();
    }

    private static List<Element> elements(NodeList nodes) {
        var out = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
