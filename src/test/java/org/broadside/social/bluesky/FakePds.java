package org.broadside.social.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The XRPC endpoints of a PDS as its lexicons document them, stubbed in WireMock: answers that tests change per
 * case, and the requests it received, read back as JSON.
 */
final class FakePds {
    static final String DID = "did:plc:alliance2026";
    static final String HANDLE = "alliance.bsky.social";
    static final String CREATE_SESSION = "/xrpc/com.atproto.server.createSession";
    static final String REFRESH_SESSION = "/xrpc/com.atproto.server.refreshSession";
    static final String CREATE_RECORD = "/xrpc/com.atproto.repo.createRecord";
    static final String GET_RECORD = "/xrpc/com.atproto.repo.getRecord";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockExtension server;

    FakePds(WireMockExtension server) {
        this.server = server;
    }

    String url() {
        return server.baseUrl();
    }

    /** A session whose tokens are named after their generation: access-1, refresh-1. */
    static ResponseDefinitionBuilder session(int generation) {
        return okJson("""
                {"did": "%s", "handle": "%s", "accessJwt": "access-%d", "refreshJwt": "refresh-%d", "active": true}
                """.formatted(DID, HANDLE, generation, generation));
    }

    /** As the PDS answers a create: the record's at:// URI under the key asked for, and a CID. */
    static ResponseDefinitionBuilder created() {
        return okJson("""
                {"uri": "at://%s/app.bsky.feed.post/{{jsonPath request.body '$.rkey'}}",
                 "cid": "bafyreicid{{jsonPath request.body '$.rkey'}}",
                 "commit": {"cid": "bafyreicommit", "rev": "3lcommitrev22"}, "validationStatus": "valid"}
                """.formatted(DID)).withTransformers("response-template");
    }

    static ResponseDefinitionBuilder xrpcError(int status, String error, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"%s\", \"message\": \"%s\"}".formatted(error, message));
    }

    void signsIn() {
        server.stubFor(post(CREATE_SESSION).willReturn(session(1)));
    }

    /** createRecord with the access token of the given generation. */
    MappingBuilder createRecordWith(int generation) {
        return post(CREATE_RECORD).withHeader("Authorization", equalTo("Bearer access-" + generation));
    }

    void acceptsPosts() {
        server.stubFor(createRecordWith(1).willReturn(created()));
    }

    MappingBuilder getRecord(Tid rkey) {
        return get(urlPathEqualTo(GET_RECORD))
                .withQueryParam("repo", equalTo(DID))
                .withQueryParam("collection", equalTo("app.bsky.feed.post"))
                .withQueryParam("rkey", equalTo(rkey.toString()));
    }

    void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    int calls(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path))).size();
    }

    /** The bodies of the createRecord calls, in the order they came. */
    List<JsonNode> createRecordInputs() {
        return server.findAll(postRequestedFor(urlEqualTo(CREATE_RECORD))).stream()
                .map(request -> parse(request.getBodyAsString())).toList();
    }

    /** The record created under this key (the last attempt's). */
    JsonNode recordFor(String idempotencyKey) {
        String rkey = Tid.derivedFrom(idempotencyKey).toString();
        return createRecordInputs().stream().filter(input -> input.path("rkey").asText().equals(rkey))
                .reduce((first, second) -> second).orElseThrow().path("record");
    }

    List<String> bodiesOf(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .map(request -> request.getBodyAsString()).toList();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
