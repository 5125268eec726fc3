package dev.homeweb.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RecipientRecorderTest {
    static final String R1 = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
    static final String R2 = "age1enexmpmxwnt7ueavna8zdfw8rlhztf3r33tz4kepsd07z9yz8qfspepq3h";
    static final Path FILE = Path.of("/repo/deploy.yaml");

    @Test
    void insertsTheRecipientUnderTheNodeAndKeepsComments() {
        var text =
                """
                # my blogs
                secrets:
                  database-url: {}   # the URL
                nodes:
                  blog:  # the main one
                    # where it lives
                    hostname: blog.example.org
                  other:
                    hostname: o
                """;

        assertThat(RecipientRecorder.record(text, "other", R1, FILE))
                .as("the text with one line more, under 'other:'")
                .isEqualTo(text.replace("  other:\n", "  other:\n    age_recipient: " + R1 + "\n"));
    }

    @Test
    void replacesAnExistingRecipient() {
        var text =
                """
                secrets: {database-url: {}}
                nodes:
                  blog:
                      hostname: h
                      age_recipient: %s
                """
                        .formatted(R1);

        assertThat(RecipientRecorder.record(text, "blog", R2, FILE))
                .isEqualTo(text.replace(R1, R2));
    }

    @Test
    void aFlowStyleNodeIsLeftToTheUser() {
        var text = "secrets: {database-url: {}}\nnodes: {blog: {hostname: h}}\n";

        assertThatThrownBy(() -> RecipientRecorder.record(text, "blog", R1, FILE))
                .hasMessageContaining("add 'age_recipient: " + R1 + "' under the node by hand");
    }
}
