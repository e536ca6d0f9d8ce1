-- Runs on the migration's own connection before each migration. The app's pool limits statements to seconds;
-- building an index on a million rows takes longer, and CONCURRENTLY waits for old transactions. A lock wait
-- still gives up after a minute so a migration never queues the platform's traffic behind it for long.
SET statement_timeout = 0;
SET lock_timeout = '60s';
