-- V17: read-only helpers for `doctor`: the state of pg_stat_statements and its slowest statements.
--
-- For the web platform: nothing changes (two functions in schema recruiter that only read statistics).
--   recruiter.pg_stat_statements_state() -> 'ready' | 'not_preloaded' (installed, but the library is not in
--       shared_preload_libraries, so reading it would fail) | 'not_installed' (the server has it, the database
--       does not: CREATE EXTENSION needs a superuser) | 'not_available' (the server does not ship it)
--   recruiter.slowest_statements(max_rows) -> the statements of the current database with the highest mean
--       execution time, wherever the extension is installed (its schema is looked up); no rows unless 'ready'.
--       Seeing other roles' query texts needs pg_read_all_stats.
--
-- Re-runnable: CREATE OR REPLACE.

CREATE OR REPLACE FUNCTION recruiter.pg_stat_statements_state() RETURNS text
    LANGUAGE plpgsql STABLE
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_stat_statements') THEN
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = 'pg_stat_statements') THEN
            RETURN 'not_installed';
        END IF;
        RETURN 'not_available';
    END IF;
    IF NOT ('pg_stat_statements' = ANY (pg_catalog.string_to_array(pg_catalog.replace(
            coalesce(pg_catalog.current_setting('shared_preload_libraries', true), ''), ' ', ''), ','))) THEN
        RETURN 'not_preloaded';
    END IF;
    RETURN 'ready';
END
$$;

CREATE OR REPLACE FUNCTION recruiter.slowest_statements(max_rows integer DEFAULT 10)
    RETURNS TABLE (query text, calls bigint, total_ms double precision, mean_ms double precision,
                   max_ms double precision, rows bigint)
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    s text;
BEGIN
    IF recruiter.pg_stat_statements_state() <> 'ready' THEN
        RETURN;
    END IF;
    SELECT n.nspname INTO s
      FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_stat_statements';
    RETURN QUERY EXECUTE pg_catalog.format(
        'SELECT p.query, p.calls, p.total_exec_time, p.mean_exec_time, p.max_exec_time, p.rows '
        '  FROM %I.pg_stat_statements p '
        ' WHERE p.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()) '
        ' ORDER BY p.mean_exec_time DESC NULLS LAST LIMIT $1', s)
        USING greatest(coalesce(max_rows, 10), 0);
END
$$;
