-- Soft bounces read from the bounce mailbox (a full mailbox, a delay notice, a server that gave up on a temporary
-- failure), counted per delivery. A hard bounce needs no column: it suppresses the address and fails the delivery.
ALTER TABLE deliveries ADD COLUMN soft_bounces INT NOT NULL DEFAULT 0;
