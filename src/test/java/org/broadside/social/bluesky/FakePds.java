package org.broadside.social.bluesky;

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
import org.broadside.testing.BlueskyServer;

/**
 * The XRPC endpoints of a PDS as its lexicons document them, stubbed in WireMock: answers that tests change per
 * case, and the requests it received, read back as JSON. The client's tests use it; tests through the whole app
 * use {@link BlueskyServer}, a PDS that keeps its records, whose names and answers these are.
 */
final class FakePds {
    static final String DID = BlueskyServer.DID;
    static final String HANDLE = BlueskyServer.HANDLE;
    static final String CREATE_SESSION = BlueskyServer.CREATE_SESSION;
    static final String REFRESH_SESSION = BlueskyServer.REFRESH_SESSION;
    static final String CREATE_RECORD = BlueskyServer.CREATE_RECORD;
    static final String GET_RECORD = BlueskyServer.GET_RECORD;
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
        return BlueskyServer.session(generation);
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
        return BlueskyServer.xrpcError(status, error, message);
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
