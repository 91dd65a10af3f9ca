package org.broadside.dispatch;

import org.broadside.social.Network;
import org.broadside.social.PostToPublish;
import org.broadside.social.PublishedPost;

/**
 * A claimed post with what publishing it needs: the thread's first post and the one it replies to, both
 * already published (read from the ledger, so also after a restart).
 *
 * @param root   the thread's first post; null for the first post itself
 * @param parent the post before this one; null for the first post
 */
public record PostDelivery(long id, String releaseId, Network network, String language, int number, String text,
                           String idempotencyKey, PublishedPost root, PublishedPost parent) {

    public PostToPublish toPublish() {
        return new PostToPublish(idempotencyKey, language, text, root, parent);
    }
}
