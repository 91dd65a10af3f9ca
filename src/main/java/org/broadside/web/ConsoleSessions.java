package org.broadside.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in operators' sessions, kept in memory: a restart signs everyone out, which for a handful of operators
 * on one service is a fair price for never storing a session token. A session ends after
 * {@code broadside.console.session-idle} without a request, and {@code broadside.console.session-max} after
 * sign-in whatever happens.
 *
 * <p>The cookie is HttpOnly (scripts cannot read it), SameSite=Strict (other sites' pages cannot send it) and
 * Secure when the console is served over HTTPS. Each session has its own CSRF token, which the console sends in
 * an {@code X-CSRF-Token} header with every request that changes something.
 */
public final class ConsoleSessions {
    static final String COOKIE = "broadside_session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final Duration max;
    private final boolean secureCookie;

    public ConsoleSessions(Clock clock, Duration idle, Duration max, boolean secureCookie) {
        this.clock = clock;
        this.idle = idle;
        this.max = max;
        this.secureCookie = secureCookie;
    }

    /** A signed-in operator's session. */
    public static final class Session {
        private final String id;
        private final Operator operator;
        private final String csrfToken;
        private final Instant started;
        private volatile Instant lastSeen;

        private Session(String id, Operator operator, String csrfToken, Instant started) {
            this.id = id;
            this.operator = operator;
            this.csrfToken = csrfToken;
            this.started = started;
            this.lastSeen = started;
        }

        public Operator operator() {
            return operator;
        }

        public String csrfToken() {
            return csrfToken;
        }

        /** Compared in constant time, so the token cannot be guessed a character at a time. */
        boolean acceptsCsrf(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    Session start(Operator operator) {
        purgeExpired();
        Session session = new Session(randomToken(), operator, randomToken(), clock.instant());
        sessions.put(session.id, session);
        return session;
    }

    /** The live session the cookie names; touching it keeps it alive. */
    Optional<Session> find(String sessionId) {
        Session session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(session.id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    void end(Session session) {
        sessions.remove(session.id);
    }

    String cookie(Session session) {
        return COOKIE + "=" + session.id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + max.toSeconds()
                + (secureCookie ? "; Secure" : "");
    }

    String clearedCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secureCookie ? "; Secure" : "");
    }

    private boolean expired(Session session, Instant now) {
        return now.isAfter(session.lastSeen.plus(idle)) || now.isAfter(session.started.plus(max));
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> expired(session, now));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
