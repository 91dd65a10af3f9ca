package org.broadside.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * One HTTP request to the console or its API, read from the Camel exchange that platform-http made of it, and
 * the answer written back. Every answer starts from no headers at all: platform-http would otherwise send the
 * request's own headers (its Cookie among them) back as response headers.
 */
final class HttpCall {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Exchange exchange;
    private Operator operator;
    private ConsoleSessions.Session session;
    private String setCookie;

    HttpCall(Exchange exchange) {
        this.exchange = exchange;
    }

    String method() {
        return header(Exchange.HTTP_METHOD).orElse("GET");
    }

    /** The request path without the query, e.g. {@code /api/statements/md2026/preview}. */
    String path() {
        String uri = header(Exchange.HTTP_URI).orElse("/");
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getMessage().getHeader(name, String.class)).filter(v -> !v.isEmpty());
    }

    /**
     * A query parameter, read from the query string itself: platform-http also copies parameters into the
     * headers, where a request header of the same name could pose as one.
     */
    Optional<String> query(String name) {
        for (String pair : header(Exchange.HTTP_RAW_QUERY).orElse("").split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8))
                        .filter(value -> !value.isEmpty());
            }
        }
        return Optional.empty();
    }

    Optional<String> cookie(String name) {
        for (String pair : header("Cookie").orElse("").split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                return Optional.of(pair.substring(equals + 1).strip());
            }
        }
        return Optional.empty();
    }

    String body() {
        String body = exchange.getMessage().getBody(String.class);
        return body == null ? "" : body;
    }

    /** @throws HttpProblem 400 when the body is not a JSON object */
    JsonNode jsonBody() {
        String body = body();
        try {
            JsonNode node = JSON.readTree(body.isBlank() ? "{}" : body);
            if (!node.isObject()) {
                throw new HttpProblem(400, "the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "the request body is not JSON: " + e.getOriginalMessage());
        }
    }

    Operator operator() {
        return operator;
    }

    ConsoleSessions.Session session() {
        return session;
    }

    void signedIn(ConsoleSessions.Session session) {
        this.session = session;
        this.operator = session.operator();
    }

    void json(int status, Object value) {
        try {
            reply(status, "application/json; charset=UTF-8", JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    void reply(int status, String contentType, Object body) {
        reply(status, contentType, body, Map.of());
    }

    void reply(int status, String contentType, Object body, Map<String, String> headers) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("Cache-Control", "no-store");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setHeader("X-Frame-Options", "DENY");
        headers.forEach(message::setHeader);
        if (setCookie != null) {
            message.setHeader("Set-Cookie", setCookie);
        }
        message.setBody(body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : body);
    }

    /** Sent with the answer, whichever it is. */
    void setCookie(String cookie) {
        this.setCookie = cookie;
    }
}
