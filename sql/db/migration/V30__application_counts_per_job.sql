-- V30: live application counts per job and status, kept by triggers.
--
-- Why: counting a big employer's applications row by row costs seconds (80,000 applications, each checked
-- against its job and its candidate), yet the pipeline page and the all-time dashboard only need the number of
-- live applications per job and status. One narrow row per job answers both from an index.
--
-- "Live" is what every screen counts: the application is not soft-deleted and neither is its candidate. The job's
-- company, status and soft delete are copied onto its row, so a company's figures are one index range.
--
-- For the web platform: AFTER row triggers that only write to schema recruiter (SECURITY DEFINER, so the
-- platform's role needs no right in it), and only when a counted column changes:
--   job_applications  recruiter_count_application   INSERT, DELETE, UPDATE OF job_id, candidate_id, status, deleted_at
--   candidates        recruiter_count_candidate     UPDATE OF deleted_at
--   jobs              recruiter_count_job           INSERT, DELETE, UPDATE OF company_id, status, deleted_at
-- Bulk loads that switch triggers off (session_replication_role = replica, as seed --scale large does) call
-- rebuild_job_application_counts() afterwards; maintain calls it too and reports what it had to repair.
-- Live-database safety like V21: outside a transaction, the triggers through apply_ddl (short lock waits, retried).

CREATE TABLE IF NOT EXISTS recruiter.job_application_counts (
    job_id      integer PRIMARY KEY,
    company_id  integer,
    job_status  varchar(20),
    job_live    boolean NOT NULL,
    applied     integer NOT NULL DEFAULT 0,
    viewed      integer NOT NULL DEFAULT 0,
    shortlisted integer NOT NULL DEFAULT 0,
    interview   integer NOT NULL DEFAULT 0,
    accepted    integer NOT NULL DEFAULT 0,
    rejected    integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE recruiter.job_application_counts IS
    'Live applications (application and candidate not soft-deleted) per job and status; kept by triggers. '
    'No foreign keys: platform deletes win.';

-- A company's dashboard reads only this index (index-only scan of its live jobs).
CREATE INDEX IF NOT EXISTS ix_job_application_counts_company
    ON recruiter.job_application_counts (company_id)
    INCLUDE (job_status, applied, viewed, shortlisted, interview, accepted, rejected)
    WHERE job_live;

-- delta = +1 or -1 for one application of (job, candidate, status), if its candidate is live.
CREATE OR REPLACE FUNCTION recruiter.bump_application_count(p_job integer, p_candidate integer,
                                                            p_status public.applicationstatus, delta integer)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.candidates c WHERE c.id = p_candidate AND c.deleted_at IS NULL) THEN
        RETURN;
    END IF;
    INSERT INTO recruiter.job_application_counts AS k
           (job_id, company_id, job_status, job_live, applied, viewed, shortlisted, interview, accepted, rejected)
    SELECT j.id, j.company_id, j.status, j.deleted_at IS NULL,
           CASE WHEN p_status = 'applied' THEN delta ELSE 0 END,
           CASE WHEN p_status = 'viewed' THEN delta ELSE 0 END,
           CASE WHEN p_status = 'shortlisted' THEN delta ELSE 0 END,
           CASE WHEN p_status = 'interview' THEN delta ELSE 0 END,
           CASE WHEN p_status = 'accepted' THEN delta ELSE 0 END,
           CASE WHEN p_status = 'rejected' THEN delta ELSE 0 END
      FROM public.jobs j
     WHERE j.id = p_job
    ON CONFLICT (job_id) DO UPDATE
       SET applied     = k.applied     + EXCLUDED.applied,
           viewed      = k.viewed      + EXCLUDED.viewed,
           shortlisted = k.shortlisted + EXCLUDED.shortlisted,
           interview   = k.interview   + EXCLUDED.interview,
           accepted    = k.accepted    + EXCLUDED.accepted,
           rejected    = k.rejected    + EXCLUDED.rejected;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.count_application() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
        PERFORM recruiter.bump_application_count(OLD.job_id, OLD.candidate_id, OLD.status, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
        PERFORM recruiter.bump_application_count(NEW.job_id, NEW.candidate_id, NEW.status, 1);
    END IF;
    RETURN NULL;
END
$$;

-- A candidate soft-deleted (or restored) takes all their live applications out of (or back into) the counts.
CREATE OR REPLACE FUNCTION recruiter.count_candidate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    delta integer := CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END;
BEGIN
    UPDATE recruiter.job_application_counts k
       SET applied     = k.applied     + delta * x.applied,
           viewed      = k.viewed      + delta * x.viewed,
           shortlisted = k.shortlisted + delta * x.shortlisted,
           interview   = k.interview   + delta * x.interview,
           accepted    = k.accepted    + delta * x.accepted,
           rejected    = k.rejected    + delta * x.rejected
      FROM (SELECT a.job_id,
                   count(*) FILTER (WHERE a.status = 'applied')     AS applied,
                   count(*) FILTER (WHERE a.status = 'viewed')      AS viewed,
                   count(*) FILTER (WHERE a.status = 'shortlisted') AS shortlisted,
                   count(*) FILTER (WHERE a.status = 'interview')   AS interview,
                   count(*) FILTER (WHERE a.status = 'accepted')    AS accepted,
                   count(*) FILTER (WHERE a.status = 'rejected')    AS rejected
              FROM public.job_applications a
             WHERE a.candidate_id = NEW.id AND a.deleted_at IS NULL
             GROUP BY a.job_id) x
     WHERE k.job_id = x.job_id;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.count_job() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM recruiter.job_application_counts WHERE job_id = OLD.id;
        RETURN NULL;
    END IF;
    INSERT INTO recruiter.job_application_counts AS k (job_id, company_id, job_status, job_live)
    VALUES (NEW.id, NEW.company_id, NEW.status, NEW.deleted_at IS NULL)
    ON CONFLICT (job_id) DO UPDATE
       SET company_id = EXCLUDED.company_id, job_status = EXCLUDED.job_status, job_live = EXCLUDED.job_live;
    RETURN NULL;
END
$$;

-- Recounts everything from the tables and returns how many jobs' rows it had to change (0 when the triggers
-- kept up). Holds off application writes meanwhile so none is counted twice or lost.
CREATE OR REPLACE FUNCTION recruiter.rebuild_job_application_counts() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    changed bigint;
    removed bigint;
BEGIN
    LOCK TABLE public.job_applications IN SHARE MODE;
    WITH truth AS (
        SELECT j.id AS job_id, j.company_id, j.status AS job_status, j.deleted_at IS NULL AS job_live,
               count(a.id) FILTER (WHERE a.status = 'applied')     AS applied,
               count(a.id) FILTER (WHERE a.status = 'viewed')      AS viewed,
               count(a.id) FILTER (WHERE a.status = 'shortlisted') AS shortlisted,
               count(a.id) FILTER (WHERE a.status = 'interview')   AS interview,
               count(a.id) FILTER (WHERE a.status = 'accepted')    AS accepted,
               count(a.id) FILTER (WHERE a.status = 'rejected')    AS rejected
          FROM public.jobs j
          LEFT JOIN (public.job_applications a
                     JOIN public.candidates c ON c.id = a.candidate_id AND c.deleted_at IS NULL)
                 ON a.job_id = j.id AND a.deleted_at IS NULL
         GROUP BY j.id)
    INSERT INTO recruiter.job_application_counts AS k
           (job_id, company_id, job_status, job_live, applied, viewed, shortlisted, interview, accepted, rejected)
    SELECT * FROM truth
    ON CONFLICT (job_id) DO UPDATE
       SET company_id = EXCLUDED.company_id, job_status = EXCLUDED.job_status, job_live = EXCLUDED.job_live,
           applied = EXCLUDED.applied, viewed = EXCLUDED.viewed, shortlisted = EXCLUDED.shortlisted,
           interview = EXCLUDED.interview, accepted = EXCLUDED.accepted, rejected = EXCLUDED.rejected
     WHERE (k.company_id, k.job_status, k.job_live, k.applied, k.viewed, k.shortlisted, k.interview, k.accepted,
            k.rejected)
           IS DISTINCT FROM
           (EXCLUDED.company_id, EXCLUDED.job_status, EXCLUDED.job_live, EXCLUDED.applied, EXCLUDED.viewed,
            EXCLUDED.shortlisted, EXCLUDED.interview, EXCLUDED.accepted, EXCLUDED.rejected);
    GET DIAGNOSTICS changed = ROW_COUNT;
    DELETE FROM recruiter.job_application_counts k
     WHERE NOT EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = k.job_id);
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN changed + removed;
END
$$;

REVOKE ALL ON FUNCTION recruiter.bump_application_count(integer, integer, public.applicationstatus, integer),
    recruiter.count_application(), recruiter.count_candidate(), recruiter.count_job(),
    recruiter.rebuild_job_application_counts() FROM PUBLIC;

-- The client reads the rows of the jobs it may see, like the jobs policy (V22): its company, or a hiring
-- manager's jobs.
ALTER TABLE recruiter.job_application_counts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.job_application_counts;
CREATE POLICY recruiter_app_read ON recruiter.job_application_counts FOR SELECT TO recruiter_app
    USING (company_id = (SELECT recruiter.session_company_id())
           OR job_id = ANY ((SELECT recruiter.session_job_ids())::integer[]));
GRANT SELECT ON recruiter.job_application_counts TO recruiter_app;

-- Triggers first, then the recount: an application written in between is counted by its trigger, and the
-- recount (which holds off application writes while it runs) overwrites every row with the truth anyway.
CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_count_application
    AFTER INSERT OR DELETE OR UPDATE OF job_id, candidate_id, status, deleted_at ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.count_application()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_count_candidate
    AFTER UPDATE OF deleted_at ON public.candidates
    FOR EACH ROW WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION recruiter.count_candidate()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_count_job
    AFTER INSERT OR DELETE OR UPDATE OF company_id, status, deleted_at ON public.jobs
    FOR EACH ROW EXECUTE FUNCTION recruiter.count_job()
$ddl$
]);

SELECT recruiter.rebuild_job_application_counts();
ANALYZE recruiter.job_application_counts;
