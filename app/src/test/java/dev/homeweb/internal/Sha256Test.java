package dev.homeweb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {
    private static final String ABC =
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesBytesAndStreamsAlike() throws IOException {
        var abc = "abc".getBytes(StandardCharsets.US_ASCII);

        assertThat(Sha256.hex(abc)).isEqualTo(ABC);
        assertThat(Sha256.hex(new ByteArrayInputStream(abc))).isEqualTo(ABC);
        assertThat(
                        Sha256.hex(
                                "a".getBytes(StandardCharsets.US_ASCII),
                                "bc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(ABC);
    }

    @Test
    void separatesFieldsSoTheirBoundariesCount() {
        var ab = Sha256.hexOfFields(bytes("a"), bytes("bc"));

        assertThat(ab).isNotEqualTo(Sha256.hexOfFields(bytes("ab"), bytes("c")));
        assertThat(ab).isEqualTo(Sha256.hex(bytes("a\0bc")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
