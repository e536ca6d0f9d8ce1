-- V5: value rules on the platform's tables, added NOT VALID (V6 validates them where no existing row breaks them).
--
-- For the web platform: new writes must respect these rules (SQLSTATE 23514 otherwise); the platform's own code
-- already writes only such values, and existing rows are never changed or removed by this migration.
--   candidates  ck_candidates_salary_expectation_range   both bounds >= 0 and min <= max (NULLs allowed)
--   jobs        ck_jobs_posted_at_not_after_expires_at    posted_at <= expires_at (NULLs allowed)
--   jobs        ck_jobs_status_values                     status in draft, published, closed, archived
--   jobs        ck_jobs_job_type_values                   job_type in full_time, part_time, contract, temporary, internship
--   jobs        ck_jobs_location_type_values              location_type in on_site, remote, hybrid
--   (lower-case values: the platform stores these varchar columns in lower case; NULL is refused by NOT NULL.)
--   job_applications  trigger recruiter_applied_at_not_future: applied_at may not be more than 5 minutes in the
--               future when a row is inserted or its applied_at is updated (SQLSTATE 23514, reported under the
--               name ck_job_applications_applied_at_not_future).
--     Why a trigger and not CHECK (applied_at <= now()): a CHECK must be immutable; now() is not, so such a
--     CHECK would be re-judged against a different clock at every VALIDATE, dump/restore or table rewrite, and
--     PostgreSQL does not promise when it is evaluated. "Not in the future" is a rule about the moment of the
--     write, which is exactly what a BEFORE INSERT OR UPDATE OF applied_at trigger checks. The 5-minute
--     tolerance absorbs clock skew between the web servers (the ORM may send its own timestamp) and the
--     database, so the platform is never refused because its clock runs a little ahead. Existing rows are
--     not judged by the trigger; V6 reports them.
--   employers.company_id stays NULLABLE on purpose: the platform's onboarding creates the employer row when the
--     recruiter signs up, before any company exists or is chosen, and links the company later; a NOT NULL
--     (or a CHECK) would break sign-up. The client treats an employer without a company as "onboarding not
--     finished". (Recorded as a column comment.)
--
-- Live-database safety: ADD CONSTRAINT ... NOT VALID only needs a brief ACCESS EXCLUSIVE lock and no scan; each
-- table's change runs in its own transaction through recruiter.apply_ddl (short lock_timeout, retried), so the
-- migration never holds a lock on one table while waiting for another. Runs outside a transaction (see
-- V5__check_constraints.sql.conf). Re-runnable: each constraint is added only when missing; CREATE OR REPLACE.

CREATE OR REPLACE FUNCTION recruiter.check_applied_at_not_future() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.applied_at > pg_catalog.clock_timestamp() + interval '5 minutes' THEN
        RAISE EXCEPTION 'applied_at % is in the future', NEW.applied_at
            USING ERRCODE = 'check_violation',
                  CONSTRAINT = 'ck_job_applications_applied_at_not_future',
                  TABLE = 'job_applications', SCHEMA = 'public', COLUMN = 'applied_at',
                  HINT = 'An application cannot be dated later than now (5 minutes of clock skew are tolerated).';
    END IF;
    RETURN NEW;
END
$$;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                    WHERE conrelid = 'public.candidates'::regclass
                      AND conname = 'ck_candidates_salary_expectation_range') THEN
        ALTER TABLE public.candidates ADD CONSTRAINT ck_candidates_salary_expectation_range CHECK (
            (salary_expectation_min IS NULL OR salary_expectation_min >= 0)
            AND (salary_expectation_max IS NULL OR salary_expectation_max >= 0)
            AND (salary_expectation_min IS NULL OR salary_expectation_max IS NULL
                 OR salary_expectation_min <= salary_expectation_max)) NOT VALID;
    END IF;
END
$$
$ddl$,
$ddl$
DO $$
DECLARE
    wanted  text[][] := ARRAY[
        ['ck_jobs_posted_at_not_after_expires_at',
         'CHECK (posted_at IS NULL OR expires_at IS NULL OR posted_at <= expires_at)'],
        ['ck_jobs_status_values',
         'CHECK (status IN (''draft'', ''published'', ''closed'', ''archived''))'],
        ['ck_jobs_job_type_values',
         'CHECK (job_type IN (''full_time'', ''part_time'', ''contract'', ''temporary'', ''internship''))'],
        ['ck_jobs_location_type_values',
         'CHECK (location_type IN (''on_site'', ''remote'', ''hybrid''))']];
    clauses text[] := '{}';
    i       integer;
BEGIN
    FOR i IN 1 .. pg_catalog.array_length(wanted, 1) LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                        WHERE conrelid = 'public.jobs'::regclass AND conname = wanted[i][1]) THEN
            clauses := clauses || pg_catalog.format('ADD CONSTRAINT %I %s NOT VALID', wanted[i][1], wanted[i][2]);
        END IF;
    END LOOP;
    IF pg_catalog.cardinality(clauses) > 0 THEN
        -- one ALTER TABLE: one short lock on jobs for all of them
        EXECUTE 'ALTER TABLE public.jobs ' || pg_catalog.array_to_string(clauses, ', ');
    END IF;
END
$$
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_applied_at_not_future
    BEFORE INSERT OR UPDATE OF applied_at ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.check_applied_at_not_future()
$ddl$,
$ddl$
COMMENT ON COLUMN public.employers.company_id IS
    'Nullable on purpose: the platform creates the employer at sign-up and links the company later (onboarding).'
$ddl$
]);
