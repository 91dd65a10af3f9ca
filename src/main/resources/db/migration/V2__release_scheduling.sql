-- Scheduling: every delivery knows the zone it was planned in and, for an embargoed press copy, when the
-- embargo lifts; a release knows when its social posts go and how far its triggers have fired.

ALTER TABLE deliveries ADD COLUMN timezone VARCHAR(64);
ALTER TABLE deliveries ADD COLUMN embargo_until TIMESTAMP WITH TIME ZONE;

-- The latest send instant whose trigger fired within the grace period: a delivery is sent only once its
-- send_at is at or before it, so nothing leaves ahead of its trigger or after a missed one.
ALTER TABLE releases ADD COLUMN fired_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE releases ADD COLUMN social_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE releases ADD COLUMN social_done BOOLEAN NOT NULL DEFAULT FALSE;

CREATE INDEX deliveries_by_release_send_at ON deliveries (release_id, state, send_at);
