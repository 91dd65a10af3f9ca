package org.broadside.social;

/**
 * An account Broadside posts to directly (Mastodon, Bluesky). Implementations are thread-safe HTTP clients that
 * read their credentials from the environment.
 *
 * <p>Failures are reported as the email transports report them, so the ledger retries and records them the same
 * way: {@link org.broadside.dispatch.DeliveryFailedException} (permanent for a refusal that sending again will not
 * change, temporary otherwise) and {@link org.broadside.dispatch.DeliveryDeferredException} for a rate limit,
 * with the time the network said to come back.
 */
public interface SocialAccount {

    Network network();

    /**
     * Publishes one post. Publishing the same {@link PostToPublish#idempotencyKey()} again, after a crash that
     * lost the answer, must not make a second post: it returns the first one.
     */
    PublishedPost publish(PostToPublish post);
}
