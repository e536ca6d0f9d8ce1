-- V51: the pipeline's tag filter from the company's own rows (issue 24, decision 0026).
--
-- Why: V47's recruiter.tagged_job_ids(tag) read the platform-wide GIN index on job_applications.tags and then kept
-- the session's company: for the largest company of the large data set the common tag 'bilingue' is 49,000 hits
-- platform-wide, 170 ms hot and 2.4 s cold, for a screen's read that may take 2 ms. Here each (job, tag) carried by
-- a live application is kept by trigger in recruiter.job_tags with the company and how many applications carry it;
-- the filter is one range of ix_job_tags_company_tag: its cost follows the company's tagged jobs, not the platform's.
--
-- Tags: a JSON array's string elements, each counted once per application (what V47's containment matched);
-- NULL, a scalar, an object and an array's other elements are no tags. Writes: the applications trigger fires on
-- insert, delete and a change of tags, deleted_at or job_id (UPDATE OF: the platform's status and note writes do not
-- fire it) and returns at once when liveness, job and tags are unchanged; concurrent additions of the same
-- (job, tag) meet in INSERT ... ON CONFLICT. The jobs trigger follows a job moved to another company. Bulk loads with
-- triggers off (seed --scale large) call rebuild_job_tags() afterwards, as maintain does, which reports drift
-- (expected zero). Runs outside a transaction (.conf): apply_ddl commits per trigger.

CREATE TABLE IF NOT EXISTS recruiter.job_tags (
    job_id       integer,
    tag          text,
    company_id   integer,
    applications integer NOT NULL,
    PRIMARY KEY (job_id, tag)
);
COMMENT ON TABLE recruiter.job_tags IS
    'Tags carried by each job''s live applications, with how many; kept by trigger, read only by recruiter.tagged_job_ids().';
CREATE INDEX IF NOT EXISTS ix_job_tags_company_tag ON recruiter.job_tags (company_id, tag, job_id);
REVOKE ALL ON recruiter.job_tags FROM PUBLIC;

-- An application's tags, distinct and sorted (the trigger locks rows in this order: no deadlock between writers).
CREATE OR REPLACE FUNCTION recruiter.application_tags(tags jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(array_agg(DISTINCT e.value #>> '{}' ORDER BY e.value #>> '{}'), '{}')
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(tags) = 'array' THEN tags ELSE '[]'::jsonb END) e
     WHERE jsonb_typeof(e.value) = 'string'
$$;

CREATE OR REPLACE FUNCTION recruiter.count_job_tags() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    old_job  integer;
    new_job  integer;
    old_tags text[] := '{}';
    new_tags text[] := '{}';
    removed  text[];
    added    text[];
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.job_id IS NOT DISTINCT FROM OLD.job_id
       AND (NEW.deleted_at IS NULL) = (OLD.deleted_at IS NULL)
       AND NEW.tags IS NOT DISTINCT FROM OLD.tags THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL AND OLD.job_id IS NOT NULL THEN
        old_job := OLD.job_id;
        old_tags := recruiter.application_tags(OLD.tags);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL AND NEW.job_id IS NOT NULL THEN
        new_job := NEW.job_id;
        new_tags := recruiter.application_tags(NEW.tags);
    END IF;
    IF old_job = new_job THEN
        removed := ARRAY(SELECT t FROM unnest(old_tags) t WHERE t <> ALL (new_tags) ORDER BY t);
        added := ARRAY(SELECT t FROM unnest(new_tags) t WHERE t <> ALL (old_tags) ORDER BY t);
    ELSE
        removed := old_tags;
        added := new_tags;
    END IF;
    IF cardinality(removed) > 0 THEN
        UPDATE recruiter.job_tags SET applications = applications - 1
         WHERE job_id = old_job AND tag = ANY (removed);
        DELETE FROM recruiter.job_tags WHERE job_id = old_job AND tag = ANY (removed) AND applications <= 0;
    END IF;
    IF cardinality(added) > 0 THEN
        INSERT INTO recruiter.job_tags (job_id, tag, company_id, applications)
        SELECT new_job, t, (SELECT j.company_id FROM public.jobs j WHERE j.id = new_job), 1
          FROM unnest(added) t
         ORDER BY t
        ON CONFLICT (job_id, tag) DO UPDATE SET applications = job_tags.applications + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.move_job_tags() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.company_id IS DISTINCT FROM OLD.company_id THEN
        UPDATE recruiter.job_tags SET company_id = NEW.company_id WHERE job_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

-- Recounts every row from the live applications and returns how many rows it had to add, change or remove. Holds
-- the platform's writes to applications and jobs for its duration (seconds on a million applications): a write
-- committed during the recount would otherwise be overwritten by the recount's older figure.
CREATE OR REPLACE FUNCTION recruiter.rebuild_job_tags() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    drift bigint;
BEGIN
    LOCK TABLE public.jobs, public.job_applications IN SHARE MODE;
    WITH fresh AS (
        SELECT a.job_id, t.tag, j.company_id, count(*)::integer AS applications
          FROM public.job_applications a
          JOIN public.jobs j ON j.id = a.job_id
         CROSS JOIN LATERAL unnest(recruiter.application_tags(a.tags)) t(tag)
         WHERE a.deleted_at IS NULL AND a.tags IS NOT NULL
         GROUP BY a.job_id, t.tag, j.company_id
    ), removed AS (
        DELETE FROM recruiter.job_tags jt
         WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.job_id = jt.job_id AND f.tag = jt.tag)
        RETURNING 1
    ), written AS (
        INSERT INTO recruiter.job_tags (job_id, tag, company_id, applications)
        SELECT f.job_id, f.tag, f.company_id, f.applications FROM fresh f
        ON CONFLICT (job_id, tag) DO UPDATE
           SET company_id = EXCLUDED.company_id, applications = EXCLUDED.applications
         WHERE job_tags.company_id IS DISTINCT FROM EXCLUDED.company_id
            OR job_tags.applications <> EXCLUDED.applications
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM removed) + (SELECT count(*) FROM written) INTO drift;
    RETURN drift;
END
$$;

-- The session's jobs with a live application carrying the tag: its company's from one index range (deleted jobs are
-- left out by the pipeline query that uses the ids), or the jobs it manages, each by primary key. $1, not the
-- parameter's name: in an SQL function job_tags.tag would win over it.
CREATE OR REPLACE FUNCTION recruiter.tagged_job_ids(tag text) RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    ROWS 50
AS $$
    SELECT t.job_id
      FROM recruiter.job_tags t
     WHERE t.company_id = (SELECT recruiter.session_company_id())
       AND t.tag = $1
    UNION
    SELECT t.job_id
      FROM unnest((SELECT recruiter.session_job_ids())) m(job_id)
      JOIN recruiter.job_tags t ON t.job_id = m.job_id AND t.tag = $1
      JOIN public.jobs j ON j.id = m.job_id
     WHERE j.deleted_at IS NULL
$$;

REVOKE ALL ON FUNCTION recruiter.application_tags(jsonb), recruiter.count_job_tags(), recruiter.move_job_tags(),
    recruiter.rebuild_job_tags() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.tagged_job_ids(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.tagged_job_ids(text) TO recruiter_app;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_count_job_tags
    AFTER INSERT OR DELETE OR UPDATE OF tags, deleted_at, job_id ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.count_job_tags()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_move_job_tags
    AFTER UPDATE OF company_id ON public.jobs
    FOR EACH ROW EXECUTE FUNCTION recruiter.move_job_tags()
$ddl$]);

-- After the triggers: what was written between them and this recount is recounted here.
SELECT recruiter.rebuild_job_tags();
-- sets the visibility map, which the index-only scan needs (autovacuum keeps it up after)
VACUUM (ANALYZE) recruiter.job_tags;
