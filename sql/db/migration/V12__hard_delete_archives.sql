-- V12: nothing disappears without a trace: hard-deleted applications and jobs are copied to archive tables.
--
-- For the web platform: its DELETEs on job_applications and jobs still delete (and still fail exactly as
-- before when a foreign key forbids them); a BEFORE DELETE row trigger first copies the row, whole, as jsonb,
-- into recruiter.deleted_applications_archive / recruiter.deleted_jobs_archive, together with the key columns,
-- the time, the database role that deleted it (session_user), the client's acting user when the client set
-- recruiter.actor_user_id, and application_name. If the DELETE fails or is rolled back, so is the copy. The
-- trigger functions are SECURITY DEFINER with a fixed search_path, so the platform's role needs no privilege
-- on schema recruiter. (The client itself soft-deletes: deleted_at / deleted_by, V7.)
--
-- Live-database safety: the tables are new; each trigger is created through recruiter.apply_ddl (own
-- transaction, short lock_timeout, retries). Runs outside a transaction (see the .conf file). Re-runnable:
-- IF NOT EXISTS / CREATE OR REPLACE.

CREATE TABLE IF NOT EXISTS recruiter.deleted_applications_archive (
    id                 bigserial PRIMARY KEY,
    application_id     integer     NOT NULL,
    job_id             integer,
    candidate_id       integer,
    status             public.applicationstatus,
    row_data           jsonb       NOT NULL,
    deleted_at         timestamptz NOT NULL DEFAULT now(),
    deleted_by_db_user text        NOT NULL DEFAULT session_user,
    deleted_by_user_id integer,
    application_name   text
);
CREATE INDEX IF NOT EXISTS ix_deleted_applications_archive_application
    ON recruiter.deleted_applications_archive (application_id);
CREATE INDEX IF NOT EXISTS ix_deleted_applications_archive_job
    ON recruiter.deleted_applications_archive (job_id);
COMMENT ON TABLE recruiter.deleted_applications_archive IS
    'Every job_applications row hard-deleted since migration V12, whole (row_data), with who and when.';

CREATE TABLE IF NOT EXISTS recruiter.deleted_jobs_archive (
    id                 bigserial PRIMARY KEY,
    job_id             integer     NOT NULL,
    company_id         integer,
    employer_id        integer,
    title              text,
    status             text,
    row_data           jsonb       NOT NULL,
    deleted_at         timestamptz NOT NULL DEFAULT now(),
    deleted_by_db_user text        NOT NULL DEFAULT session_user,
    deleted_by_user_id integer,
    application_name   text
);
CREATE INDEX IF NOT EXISTS ix_deleted_jobs_archive_job ON recruiter.deleted_jobs_archive (job_id);
CREATE INDEX IF NOT EXISTS ix_deleted_jobs_archive_company ON recruiter.deleted_jobs_archive (company_id);
COMMENT ON TABLE recruiter.deleted_jobs_archive IS
    'Every jobs row hard-deleted since migration V12, whole (row_data), with who and when.';

CREATE OR REPLACE FUNCTION recruiter.archive_deleted_application() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO recruiter.deleted_applications_archive
           (application_id, job_id, candidate_id, status, row_data, deleted_at, deleted_by_db_user,
            deleted_by_user_id, application_name)
    VALUES (OLD.id, OLD.job_id, OLD.candidate_id, OLD.status, to_jsonb(OLD), now(), session_user,
            recruiter.current_actor_user_id(), nullif(current_setting('application_name', true), ''));
    RETURN OLD;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.archive_deleted_job() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO recruiter.deleted_jobs_archive
           (job_id, company_id, employer_id, title, status, row_data, deleted_at, deleted_by_db_user,
            deleted_by_user_id, application_name)
    VALUES (OLD.id, OLD.company_id, OLD.employer_id, OLD.title, OLD.status, to_jsonb(OLD), now(), session_user,
            recruiter.current_actor_user_id(), nullif(current_setting('application_name', true), ''));
    RETURN OLD;
END
$$;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_archive_deleted
    BEFORE DELETE ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.archive_deleted_application()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_archive_deleted
    BEFORE DELETE ON public.jobs
    FOR EACH ROW EXECUTE FUNCTION recruiter.archive_deleted_job()
$ddl$
]);
