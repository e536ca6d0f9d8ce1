-- V10: the append-only history of application status changes, recorded by the database for every writer.
--
-- For the web platform: job_applications gets one AFTER INSERT OR UPDATE OF status row trigger
-- (recruiter_record_status_event) that appends a row to recruiter.application_status_events; its writes are
-- otherwise unchanged. The trigger function is SECURITY DEFINER (owner: the migrating role) with a fixed
-- search_path, so the platform's database role needs no privilege on schema recruiter for its writes to work.
--
--   recruiter.application_status_events(id, application_id, from_status, to_status, changed_at, changed_by, source)
--     INSERT of an application       -> from_status NULL, to_status = its status, changed_at = applied_at
--                                       (now() when NULL), source 'insert'
--     UPDATE that changes the status -> from_status = old, to_status = new, changed_at = clock_timestamp()
--                                       (ordered even within one transaction), source 'client' when the
--                                       transaction-local setting recruiter.actor_user_id is set (the client sets
--                                       it: SELECT set_config('recruiter.actor_user_id', '42', true)), otherwise
--                                       'platform' (the web platform does not set it)
--     V11 backfill                   -> source 'backfill'
--     changed_by = recruiter.actor_user_id when it is a number (users.id), else NULL.
--   No foreign key to job_applications or users on purpose: the platform still hard-deletes applications and
--   users, and a foreign key would make those deletes fail; history outlives the rows (deleted applications are
--   kept in recruiter.deleted_applications_archive, V12).
--   Append-only: UPDATE, DELETE and TRUNCATE on it are refused by triggers.
--
-- Live-database safety: the new table and its index are built empty; the trigger on job_applications is
-- created through recruiter.apply_ddl (own transaction, short lock_timeout, retries). Runs outside a
-- transaction (see the .conf file). Re-runnable: IF NOT EXISTS / CREATE OR REPLACE.

CREATE TABLE IF NOT EXISTS recruiter.application_status_events (
    id             bigserial PRIMARY KEY,
    application_id integer                  NOT NULL,
    from_status    public.applicationstatus,
    to_status      public.applicationstatus NOT NULL,
    changed_at     timestamptz              NOT NULL DEFAULT now(),
    changed_by     integer,
    source         text                     NOT NULL,
    CONSTRAINT ck_application_status_events_source CHECK (source IN ('client', 'platform', 'backfill', 'insert'))
);

CREATE INDEX IF NOT EXISTS ix_application_status_events_application_changed
    ON recruiter.application_status_events (application_id, changed_at);

COMMENT ON TABLE recruiter.application_status_events IS
    'Append-only history of job_applications.status, written by trigger for every writer. source: client '
    '(recruiter.actor_user_id was set), platform (it was not), insert (the application was created), backfill '
    '(reconstructed by migration V11).';

CREATE OR REPLACE FUNCTION recruiter.refuse_history_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '%.% is append-only: % is not allowed', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE OR REPLACE TRIGGER recruiter_append_only
    BEFORE UPDATE OR DELETE ON recruiter.application_status_events
    FOR EACH ROW EXECUTE FUNCTION recruiter.refuse_history_change();
CREATE OR REPLACE TRIGGER recruiter_append_only_truncate
    BEFORE TRUNCATE ON recruiter.application_status_events
    FOR EACH STATEMENT EXECUTE FUNCTION recruiter.refuse_history_change();

-- The acting user as the client declares it for the current transaction; NULL when unset or not a number.
CREATE OR REPLACE FUNCTION recruiter.current_actor_user_id() RETURNS integer
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    raw text := nullif(pg_catalog.btrim(pg_catalog.current_setting('recruiter.actor_user_id', true)), '');
BEGIN
    IF raw ~ '^[0-9]{1,9}$' THEN
        RETURN raw::integer;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.record_application_status_event() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    declared boolean := nullif(btrim(current_setting('recruiter.actor_user_id', true)), '') IS NOT NULL;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO recruiter.application_status_events
               (application_id, from_status, to_status, changed_at, changed_by, source)
        VALUES (NEW.id, NULL, NEW.status, coalesce(NEW.applied_at, now()), recruiter.current_actor_user_id(),
                'insert');
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO recruiter.application_status_events
               (application_id, from_status, to_status, changed_at, changed_by, source)
        VALUES (NEW.id, OLD.status, NEW.status, clock_timestamp(), recruiter.current_actor_user_id(),
                CASE WHEN declared THEN 'client' ELSE 'platform' END);
    END IF;
    RETURN NULL;
END
$$;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_record_status_event
    AFTER INSERT OR UPDATE OF status ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.record_application_status_event()
$ddl$
]);
