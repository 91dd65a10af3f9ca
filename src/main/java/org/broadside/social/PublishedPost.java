package org.broadside.social;

/**
 * A post the network accepted, as recorded in the ledger so that a later post of the thread (also after a
 * restart) can reply to it.
 *
 * @param id  the network's identifier: a Mastodon status id, a Bluesky {@code at://} record URI
 * @param cid the record's content id on Bluesky (reply references need it); null on Mastodon
 * @param url the public web address of the post
 */
public record PublishedPost(String id, String cid, String url) {
}
