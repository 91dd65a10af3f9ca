/**
 * Posting to a Mastodon account through the instance's REST API: statuses with an Idempotency-Key, and the
 * instance's own length limits, so that posts are fitted to the server that will count them.
 */
package org.broadside.social.mastodon;
