package dev.homeweb.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebServerTest {
    @Test
    void ifNoneMatchComparesWeaklyOverAList() {
        assertThat(WebServer.matches("\"a\", W/\"b\"", "\"b\"")).isTrue();
        assertThat(WebServer.matches("*", "\"b\"")).isTrue();
        assertThat(WebServer.matches("\"a\"", "\"b\"")).isFalse();
        assertThat(WebServer.matches(null, "\"b\"")).isFalse();
    }
}
