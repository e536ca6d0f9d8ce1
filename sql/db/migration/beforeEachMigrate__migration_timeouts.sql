-- Runs on the migration's own connection before each migration. The app's pool limits statements to seconds;
-- building an index on a million rows takes longer, and CONCURRENTLY waits for old transactions. A lock wait
-- still gives up after a minute so a migration never queues the platform's traffic behind it for long; a
-- connection option intowork.migration_lock_timeout (e.g. options=-c intowork.migration_lock_timeout=5s in the
-- JDBC URL) shortens or lengthens that wait.
SET statement_timeout = 0;
SELECT pg_catalog.set_config('lock_timeout',
       coalesce(nullif(pg_catalog.current_setting('intowork.migration_lock_timeout', true), ''), '60s'), false);
