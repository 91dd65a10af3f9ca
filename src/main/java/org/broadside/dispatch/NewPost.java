package org.broadside.dispatch;

import org.broadside.social.Network;

/**
 * A post to be published, added to the ledger when the release's social posts are written.
 *
 * @param statementId the language version the post was composed from
 * @param number      its place in the thread of its network and language, from 1
 */
public record NewPost(Network network, String statementId, String language, int number, String text) {

    public NewPost {
        if (number < 1) {
            throw new IllegalArgumentException("posts are numbered from 1, not " + number);
        }
    }

    /** The post's ledger recipient: language and number, e.g. {@code en/2}; the network is the channel. */
    public String recipient() {
        return language + "/" + number;
    }

    /**
     * The key that makes publishing this post idempotent: a function of (release, network, language, post number)
     * only, so every attempt at the same post, in any process and after any restart, sends the same key.
     */
    public String idempotencyKey(String releaseId) {
        return "broadside/" + releaseId + "/" + network.key() + "/" + language + "/" + number;
    }
}
