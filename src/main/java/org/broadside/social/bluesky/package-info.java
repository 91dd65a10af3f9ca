/**
 * Posting to Bluesky over XRPC: one reused session per account, records with facets and thread references, and
 * record keys derived from the ledger's idempotency key so that a retry never makes a second post.
 */
package org.broadside.social.bluesky;
