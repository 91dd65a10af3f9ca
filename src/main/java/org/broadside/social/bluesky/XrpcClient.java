package org.broadside.social.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.broadside.dispatch.DeliveryFailedException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Calls XRPC methods of one server: procedures are a POST of JSON, queries a GET with parameters, both under
 * {@code /xrpc/<method>}. An error answer becomes an {@link XrpcException}; a server that cannot be reached (or
 * answers garbage) a temporary {@link DeliveryFailedException}, since trying later may well work.
 */
final class XrpcClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Enough of a non-JSON error page (a proxy's) to recognise it, not a whole HTML document in the ledger. */
    private static final int MAX_QUOTED_BODY = 200;

    private final String service;
    private final HttpClient http;
    private final ObjectMapper json;

    /** @param service the PDS's base URL without a trailing slash, e.g. {@code https://bsky.social} */
    XrpcClient(String service, HttpClient http, ObjectMapper json) {
        this.service = service;
        this.http = http;
        this.json = json;
    }

    /**
     * @param bearer the token to authorize with, or null for none
     * @param input  the JSON body, or null for a procedure without input (refreshSession)
     */
    JsonNode procedure(String method, String bearer, JsonNode input) {
        HttpRequest.Builder request = request(method, "", bearer);
        if (input == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(write(input), StandardCharsets.UTF_8));
        }
        return send(method, request.build());
    }

    JsonNode query(String method, String bearer, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(method, request(method, query.toString(), bearer).GET().build());
    }

    private HttpRequest.Builder request(String method, String query, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service + "/xrpc/" + method + query))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private JsonNode send(String method, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailedException("Bluesky " + method + ": no answer from " + service + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
                    false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("Bluesky " + method + ": interrupted while waiting for " + service,
                    false, e);
        }
        if (response.statusCode() / 100 == 2) {
            return read(method, response.body());
        }
        throw error(method, response);
    }

    private XrpcException error(String method, HttpResponse<String> response) {
        String error = "";
        String message = "";
        try {
            JsonNode body = json.readTree(response.body());
            error = body.path("error").asText("");
            message = body.path("message").asText("");
        } catch (JsonProcessingException notJson) {
            message = quote(response.body());
        }
        if (error.isEmpty()) {
            error = "HTTP" + response.statusCode();
        }
        return new XrpcException(method, response.statusCode(), error, message, response.headers());
    }

    private JsonNode read(String method, String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailedException("Bluesky " + method + ": the answer is not JSON: " + quote(body), false,
                    null);
        }
    }

    private String write(JsonNode input) {
        try {
            return json.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static String quote(String body) {
        String stripped = body == null ? "" : body.strip();
        return stripped.length() <= MAX_QUOTED_BODY ? stripped : stripped.substring(0, MAX_QUOTED_BODY) + "…";
    }
}
