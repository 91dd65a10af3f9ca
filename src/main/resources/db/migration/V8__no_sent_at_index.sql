-- Every outcome recorded in the ledger is a commit, and each index the UPDATE touches is written again with it:
-- the sent_at index cost the blast more than it saved the quota windows, which read sent_at once, at start.
DROP INDEX deliveries_by_sent_at;
