-- Claiming a batch reads a release's pending deliveries in id order: the (release_id, state, id) index serves
-- that and stops after the batch, where the send_at index made the database sort every pending row first.
DROP INDEX deliveries_by_release_send_at;

-- A sender reads back the rows it has just claimed by its claim token.
CREATE INDEX deliveries_by_claim ON deliveries (claim);
