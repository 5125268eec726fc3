package dev.homeweb.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectRulesTest {
    private final RedirectRules rules =
            RedirectRules.of("https://blog.example.org", List.of("www.blog.example.org"));

    @Test
    void plainHttpGoesToHttpsOnTheCanonicalHostWithPathAndQueryKept() {
        assertThat(rules.location(false, "blog.example.org", "/x", "y"))
                .contains("https://blog.example.org/x?y");
        assertThat(rules.location(false, "www.blog.example.org", "/a%20b/", "q=1&r=%2F"))
                .contains("https://blog.example.org/a%20b/?q=1&r=%2F");
        assertThat(rules.location(false, "203.0.113.7", "/", null))
                .contains("https://blog.example.org/");
    }

    @Test
    void httpsOnARedirectHostGoesToTheCanonicalHost() {
        assertThat(rules.location(true, "WWW.Blog.Example.org", "/feed.xml", null))
                .contains("https://blog.example.org/feed.xml");
    }

    @Test
    void httpsOnTheCanonicalHostIsServed() {
        assertThat(rules.location(true, "blog.example.org", "/", null)).isEmpty();
    }

    @Test
    void theBaseUrlsPortIsKeptInTheTarget() {
        var onPort = RedirectRules.of("https://blog.test:8443/", List.of());
        assertThat(onPort.location(false, "blog.test", "/x", "y"))
                .contains("https://blog.test:8443/x?y");
    }

    @Test
    void challengesAreAnsweredOnlyForOfferedTokens() {
        var tokens = new ChallengeTokens();
        tokens.offer("abc", "abc.key");
        assertThat(tokens.answer("/.well-known/acme-challenge/abc")).contains("abc.key");
        assertThat(tokens.answer("/.well-known/acme-challenge/other")).isEmpty();
        assertThat(tokens.answer("/abc")).isEmpty();
        tokens.withdraw("abc");
        assertThat(tokens.answer("/.well-known/acme-challenge/abc")).isEmpty();
    }
}
