package dev.homeweb.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDiffTest {
    @Test
    void showsRemovedAndAddedLinesOnly() {
        assertThat(
                        TextDiff.diff(
                                "[Service]\nEnvironment=HOME_WEB_PORT=8080\nRestart=on-failure\n",
                                "[Service]\nEnvironment=HOME_WEB_PORT=9000\nRestart=on-failure\n"))
                .containsExactly(
                        "-Environment=HOME_WEB_PORT=8080", "+Environment=HOME_WEB_PORT=9000");
    }

    @Test
    void aNewFileIsAllAdditions() {
        assertThat(TextDiff.diff("", "a\nb\n")).containsExactly("+a", "+b");
    }
}
