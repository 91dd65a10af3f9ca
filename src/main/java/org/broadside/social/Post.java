package org.broadside.social;

/**
 * One post, ready to send.
 *
 * @param language BCP 47 tag of the statement version it was made from
 * @param length   as the network's rule measures {@code text}; never more than {@code limit}
 */
public record Post(Network network, String language, String text, int length, int limit) {
}
