-- Senders: every process that claims deliveries registers here and beats its heart while it runs. A delivery
-- in SENDING belongs to the sender that claimed it; once that sender's heartbeat is stale (killed, machine
-- lost), its rows go back to the queue within seconds instead of waiting for a long lease.
CREATE TABLE senders (
    id           VARCHAR(36) PRIMARY KEY,
    host         VARCHAR(255) NOT NULL,
    pid          BIGINT NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE deliveries ADD COLUMN sender_id VARCHAR(36);

-- Auto-pause: failed attempts since the release last (re)started dispatching, and why it was paused.
ALTER TABLE releases ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE releases ADD COLUMN paused_reason VARCHAR(1000);

-- The sliding-window quota counts what went out recently, across releases.
CREATE INDEX deliveries_by_sent_at ON deliveries (sent_at);
