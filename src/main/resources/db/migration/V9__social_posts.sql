-- Social posts published directly (Mastodon, Bluesky) are deliveries like emails, so that a crash never
-- double-posts, failures are retried and reported, and status and report show them. One row per post of each
-- thread of each language version, per network with a configured account:
--   channel   = the network (mastodon, bluesky), so that the email claim never sees a post;
--   recipient = <language>/<post number>, e.g. en/2, unique per (release, channel) as the ledger key requires;
--   format    = the network again, so that the report's format column and status "by format" name it;
--   message_id = the post's Idempotency-Key, derived from (release, network, language, post number), the same
--               on every attempt.
-- post_number orders a thread: post n is published only once post n-1 of the same channel and language is
-- SENT, replying to it. Email rows leave every column below NULL.
ALTER TABLE deliveries ADD COLUMN post_number INT;
ALTER TABLE deliveries ADD COLUMN post_text VARCHAR(65536);
-- What the network returned: its id for the post (Mastodon status id, Bluesky at:// URI), the record's content
-- id (Bluesky only; its replies need it) and the public address. A later post of the thread, also after a
-- restart, reads its parent and root from here.
ALTER TABLE deliveries ADD COLUMN post_id VARCHAR(500);
ALTER TABLE deliveries ADD COLUMN post_cid VARCHAR(200);
ALTER TABLE deliveries ADD COLUMN post_url VARCHAR(2000);

-- Claiming posts reads a release's posts and each one's predecessor in its thread: this index finds them
-- without walking the release's (possibly 100,000) email rows. Email rows never change these columns, so
-- H2 leaves the index alone when an email's outcome is recorded.
CREATE INDEX deliveries_posts ON deliveries (release_id, post_number);
