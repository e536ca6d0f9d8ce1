-- V9: updated_at and version kept by the database, for writes from any client.
--
-- For the web platform: its UPDATEs now also go through two BEFORE UPDATE row triggers. They only adjust the
-- row being written, never refuse a write, and never touch another table:
--   recruiter_touch_updated_at  on EVERY public table with an updated_at column (18 tables today: users,
--     companies, employers, candidates, candidate_cvs, experiences, educations, skills, jobs, job_applications,
--     interview_schedules, email_templates, job_postings, integration_credentials, job_alerts, accounts,
--     sessions, cv_documents): when the row really changed (any column other than updated_at/version differs)
--     and the writer did not set updated_at itself, updated_at := now(). A value the writer sets (the platform's
--     ORM sets its own) is kept; a no-op UPDATE leaves updated_at alone.
--   recruiter_bump_version  on jobs and job_applications: version := OLD.version + 1 when the row really
--     changed, whatever version the writer sent (so the optimistic lock also sees the platform's writes and a
--     client cannot forge a version). Deliberately NOT counted as a change: jobs.views_count and
--     jobs.applications_count — the platform bumps them on every page view / application, and counting them
--     would make a recruiter's save of a job fail whenever a candidate merely looked at it. A no-op UPDATE does
--     not bump either (the data the client holds is still current).
-- Row comparison uses to_jsonb(NEW) / to_jsonb(OLD), which works for every column type the platform may add.
--
-- Live-database safety: CREATE TRIGGER takes a SHARE ROW EXCLUSIVE lock (blocks writes, not reads) for a moment;
-- each table gets its own transaction through recruiter.apply_ddl (short lock_timeout, retries). Runs outside a
-- transaction (see the .conf file). Re-runnable: CREATE OR REPLACE FUNCTION / TRIGGER.

CREATE OR REPLACE FUNCTION recruiter.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at
       AND (pg_catalog.to_jsonb(NEW) - ARRAY['updated_at', 'version'])
           IS DISTINCT FROM (pg_catalog.to_jsonb(OLD) - ARRAY['updated_at', 'version']) THEN
        NEW.updated_at := pg_catalog.now();
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION recruiter.touch_updated_at() IS
    'BEFORE UPDATE: updated_at := now() when the row changed and the writer did not set updated_at itself.';

-- Trigger arguments: columns whose change alone does not make a new version (e.g. counters).
CREATE OR REPLACE FUNCTION recruiter.bump_version() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    ignored text[] := ARRAY['version', 'updated_at'] || TG_ARGV;
BEGIN
    IF (pg_catalog.to_jsonb(NEW) - ignored) IS DISTINCT FROM (pg_catalog.to_jsonb(OLD) - ignored) THEN
        NEW.version := coalesce(OLD.version, 0) + 1;
    ELSE
        NEW.version := OLD.version;
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION recruiter.bump_version() IS
    'BEFORE UPDATE: version := OLD.version + 1 when the row changed (columns named in the trigger arguments excepted).';

DO $$
DECLARE
    statements text[] := '{}';
    t          record;
BEGIN
    FOR t IN
        SELECT c.relname
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'updated_at' AND NOT a.attisdropped
         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
           AND a.atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
         ORDER BY c.relname
    LOOP
        statements := statements || pg_catalog.format(
            'CREATE OR REPLACE TRIGGER recruiter_touch_updated_at BEFORE UPDATE ON public.%I '
            'FOR EACH ROW EXECUTE FUNCTION recruiter.touch_updated_at()', t.relname);
    END LOOP;
    statements := statements || ARRAY[
        'CREATE OR REPLACE TRIGGER recruiter_bump_version BEFORE UPDATE ON public.jobs FOR EACH ROW '
        'EXECUTE FUNCTION recruiter.bump_version(''views_count'', ''applications_count'')',
        'CREATE OR REPLACE TRIGGER recruiter_bump_version BEFORE UPDATE ON public.job_applications FOR EACH ROW '
        'EXECUTE FUNCTION recruiter.bump_version()'];
    CALL recruiter.apply_ddl(statements);
END
$$;
