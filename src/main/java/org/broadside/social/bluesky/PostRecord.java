package org.broadside.social.bluesky;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.broadside.dispatch.DeliveryFailedException;
import org.broadside.social.PostToPublish;
import org.broadside.social.PublishedPost;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The {@code app.bsky.feed.post} record for a post: text, time, language, links and tags, and its thread. */
final class PostRecord {
    static final String COLLECTION = "app.bsky.feed.post";

    /** Always with milliseconds: atproto datetimes need a zone, and ISO_INSTANT would drop ".000". */
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PostRecord() {
    }

    static ObjectNode of(PostToPublish post, Instant createdAt) {
        ObjectNode record = JSON.objectNode()
                .put("$type", COLLECTION)
                .put("text", post.text())
                .put("createdAt", CREATED_AT.format(createdAt));
        if (post.language() != null && !post.language().isBlank()) {
            record.putArray("langs").add(post.language());
        }
        List<Facet> facets = Facets.of(post.text());
        if (!facets.isEmpty()) {
            ArrayNode array = record.putArray("facets");
            facets.forEach(facet -> array.add(facet(facet)));
        }
        if (post.parent() != null) {
            // A reply names both the post it answers and the thread's first post, which clients load it under.
            PublishedPost root = post.root() != null ? post.root() : post.parent();
            record.putObject("reply")
                    .<ObjectNode>set("root", strongRef(root, post))
                    .set("parent", strongRef(post.parent(), post));
        }
        return record;
    }

    private static ObjectNode facet(Facet facet) {
        ObjectNode node = JSON.objectNode();
        node.putObject("index").put("byteStart", facet.byteStart()).put("byteEnd", facet.byteEnd());
        node.putArray("features").addObject()
                .put("$type", facet.kind().type())
                .put(facet.kind().field(), facet.value());
        return node;
    }

    /** com.atproto.repo.strongRef: the record's URI and the CID of the version replied to. */
    private static ObjectNode strongRef(PublishedPost target, PostToPublish reply) {
        if (target.id() == null || target.cid() == null) {
            throw new DeliveryFailedException("Bluesky: post " + reply.idempotencyKey() + " replies to " + target
                    + ", which has no at:// URI and CID (not a Bluesky post)", true, null);
        }
        return JSON.objectNode().put("uri", target.id()).put("cid", target.cid());
    }
}
