package dev.homeweb.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of the site when it speaks HTTPS: answers ACME http-01 challenges on plain HTTP and
 * sends every other plain request, and https requests for a redirect host, to the canonical https
 * address with a 301.
 */
final class HttpsFront extends Handler.Wrapper {
    private final RedirectRules rules;
    private final ChallengeTokens tokens;

    HttpsFront(Handler site, RedirectRules rules, ChallengeTokens tokens) {
        super(site);
        this.rules = rules;
        this.tokens = tokens;
    }

    @Override
    public InvocationType getInvocationType() {
        // Whatever this answers itself never blocks; the rest is the site's business.
        return getHandler().getInvocationType();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var uri = request.getHttpURI();
        var path = uri.getPath() == null ? "/" : uri.getPath();
        boolean secure = request.isSecure();
        if (!secure) {
            var answer = tokens.answer(path);
            if (answer.isPresent()) {
                response.setStatus(HttpStatus.OK_200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                response.write(
                        true,
                        ByteBuffer.wrap(answer.get().getBytes(StandardCharsets.US_ASCII)),
                        callback);
                return true;
            }
        }
        var location = rules.location(secure, Request.getServerName(request), path, uri.getQuery());
        if (location.isEmpty()) {
            return super.handle(request, response, callback);
        }
        response.setStatus(HttpStatus.MOVED_PERMANENTLY_301);
        response.getHeaders().put(HttpHeader.LOCATION, location.get());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        response.write(true, ByteBuffer.allocate(0), callback);
        return true;
    }
}
