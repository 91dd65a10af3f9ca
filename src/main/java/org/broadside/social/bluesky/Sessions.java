package org.broadside.social.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * The account's one session, shared by every thread that posts. {@code com.atproto.server.createSession} is
 * rate-limited per account (30 in 5 minutes and 300 a day on bsky.social), so it is called once and its tokens are
 * reused; an expired access token is refreshed with the refresh token, and only a refused refresh signs in anew.
 *
 * <p>Signing in and refreshing hold the lock while they wait for the server: threads that find the token expired
 * at the same moment then wait for the one refresh instead of each making their own.
 */
final class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    private static final String CREATE = "com.atproto.server.createSession";
    private static final String REFRESH = "com.atproto.server.refreshSession";

    private final XrpcClient xrpc;
    private final String identifier;
    private final String appPassword;
    private Session current;
    /**
     * A refused password is not offered again until restart: every try counts against createSession's rate limit,
     * and a release's posts would soon exhaust it. Setting the right password needs a restart anyway.
     */
    private XrpcException refusedSignIn;

    /** @param identifier the handle (or the account's email address) to sign in as */
    Sessions(XrpcClient xrpc, String identifier, String appPassword) {
        this.xrpc = xrpc;
        this.identifier = identifier;
        this.appPassword = appPassword;
    }

    /**
     * Makes a call with the current session; when the server says its token has expired (or was revoked), renews
     * the session and makes the call once more.
     */
    <T> T call(Function<Session, T> call) {
        Session session = current();
        try {
            return call.apply(session);
        } catch (XrpcException e) {
            if (!e.isTokenProblem()) {
                throw e;
            }
            return call.apply(renew(session));
        }
    }

    synchronized Session current() {
        if (current == null) {
            current = signIn();
        }
        return current;
    }

    /** A session to use instead of {@code expired}: refreshed, or if the refresh token is refused too, a new one. */
    private synchronized Session renew(Session expired) {
        if (current != expired) {
            return current; // another thread renewed it while this one waited for the lock
        }
        try {
            current = session(xrpc.procedure(REFRESH, expired.refreshJwt(), null));
            LOG.debug("Bluesky: session of {} refreshed", current.handle());
        } catch (XrpcException e) {
            if (e.isRateLimit() || e.isServerError()) {
                throw e;
            }
            LOG.info("Bluesky: the session of {} could not be refreshed ({}), signing in again", expired.handle(),
                    e.getMessage());
            current = null; // of no use any more, even if signing in fails now
            current = signIn();
        }
        return current;
    }

    private Session signIn() {
        if (refusedSignIn != null) {
            throw refusedSignIn;
        }
        ObjectNode credentials = JsonNodeFactory.instance.objectNode()
                .put("identifier", identifier)
                .put("password", appPassword);
        try {
            Session session = session(xrpc.procedure(CREATE, null, credentials));
            LOG.info("Bluesky: signed in as {} ({})", session.handle(), session.did());
            return session;
        } catch (XrpcException e) {
            if (e.status() == 401) {
                refusedSignIn = e;
            }
            throw e;
        }
    }

    private static Session session(JsonNode answer) {
        return new Session(answer.path("did").asText(), answer.path("handle").asText(),
                answer.path("accessJwt").asText(), answer.path("refreshJwt").asText());
    }
}
