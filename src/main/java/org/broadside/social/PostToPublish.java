package org.broadside.social;

/**
 * One post of a thread, ready to publish.
 *
 * @param idempotencyKey stable for (release, network, language, post number): the same post gets the same key
 *                       on every attempt
 * @param language       BCP 47 tag of the statement version
 * @param root           the thread's first post, or null for the first post itself
 * @param parent         the post this one replies to, or null for the first post
 */
public record PostToPublish(String idempotencyKey, String language, String text,
                            PublishedPost root, PublishedPost parent) {
}
