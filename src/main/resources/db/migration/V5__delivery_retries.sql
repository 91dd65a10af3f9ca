-- A delivery that met a temporary failure (a 4xx reply, a dropped connection) waits in PENDING until retry_at,
-- with exponential backoff, for as long as the statement is still news.
ALTER TABLE deliveries ADD COLUMN retry_at TIMESTAMP WITH TIME ZONE;
