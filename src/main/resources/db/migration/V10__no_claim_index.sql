-- A sender reads back the rows it has just claimed among its release's rows in SENDING (the release/state index:
-- only the rows in flight), so the claim token needs no index of its own: one index write less per delivery.
DROP INDEX deliveries_by_claim;
