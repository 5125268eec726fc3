package dev.homeweb.tls;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The http-01 answers the CA may fetch right now, by token; shared by the ordering and HTTP. */
final class ChallengeTokens {
    static final String PATH_PREFIX = "/.well-known/acme-challenge/";

    private final Map<String, String> answers = new ConcurrentHashMap<>();

    void offer(String token, String keyAuthorization) {
        answers.put(token, keyAuthorization);
    }

    void withdraw(String token) {
        answers.remove(token);
    }

    /** The key authorization for a request path, if it is a challenge this server offers. */
    Optional<String> answer(String path) {
        if (!path.startsWith(PATH_PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(answers.get(path.substring(PATH_PREFIX.length())));
    }
}
