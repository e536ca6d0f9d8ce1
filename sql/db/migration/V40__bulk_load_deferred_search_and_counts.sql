-- V40: a bulk load by the tables' owner may defer the candidate search documents (V13, V39) and the per-job counts
-- (V30) to one set-based rebuild at the end of its transaction, as V32 lets it defer the statistics rollups.
--
-- Why: on the demo seed (3,000 candidates, 12,341 skills, 4,556 applications) the search triggers cost 6.3 s of
-- an 8 s load: every skill inserted recomputes its candidate's whole document (15,341 documents for 3,000
-- candidates). One set-based pass builds each document once. The counts' triggers cost little there but are one
-- upsert per application; the rebuild (rebuild_job_application_counts, V30) is one GROUP BY.
--
-- How: the loader sets recruiter.bulk_load = on for its transaction (set_config(..., true)), loads, and calls
-- rebuild_candidate_search() and rebuild_job_application_counts() before it commits; nothing outside that
-- transaction ever sees the tables without their derived rows. Honoured only for a session whose login is a
-- member of the owner (current_user inside the SECURITY DEFINER triggers), like recruiter.stats_deferred(): the
-- client's and the platform's roles cannot switch the search or the counts off.
--
-- The documents are V39's (name, title, skills, location, experiences, summary): the four search triggers
-- (candidates, skills, users, and V39's experiences) defer, and the rebuild builds the same document as
-- recruiter.candidate_search_document (DemoSeederTest compares the two).
--
-- For the web platform: nothing changes. Its writes run the same triggers, which now first read one unset setting.
-- Live-database safety: CREATE OR REPLACE FUNCTION only (no table lock; the triggers keep pointing at the
-- functions). Re-runnable.

CREATE OR REPLACE FUNCTION recruiter.bulk_load_deferred() RETURNS boolean
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF coalesce(current_setting('recruiter.bulk_load', true), '') <> 'on' THEN
        RETURN false;
    END IF;
    RETURN pg_has_role(session_user, current_user, 'MEMBER');
END
$$;

CREATE OR REPLACE FUNCTION recruiter.candidate_search_on_candidate() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF recruiter.bulk_load_deferred() THEN
        RETURN NULL;
    END IF;
    PERFORM recruiter.refresh_candidate_search(NEW.id);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.candidate_search_on_skill() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF recruiter.bulk_load_deferred() THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM recruiter.refresh_candidate_search(OLD.candidate_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.candidate_id IS DISTINCT FROM OLD.candidate_id) THEN
        PERFORM recruiter.refresh_candidate_search(NEW.candidate_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.candidate_search_on_experience() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF recruiter.bulk_load_deferred() THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM recruiter.refresh_candidate_search(OLD.candidate_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.candidate_id IS DISTINCT FROM OLD.candidate_id) THEN
        PERFORM recruiter.refresh_candidate_search(NEW.candidate_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.candidate_search_on_user() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cid integer;
BEGIN
    IF recruiter.bulk_load_deferred() THEN
        RETURN NULL;
    END IF;
    IF NEW.first_name IS DISTINCT FROM OLD.first_name OR NEW.last_name IS DISTINCT FROM OLD.last_name THEN
        FOR cid IN SELECT c.id FROM public.candidates c WHERE c.user_id = NEW.id LOOP
            PERFORM recruiter.refresh_candidate_search(cid);
        END LOOP;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.count_application() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF recruiter.bulk_load_deferred() THEN
        RETURN NULL;
    END IF;
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
    IF recruiter.bulk_load_deferred() THEN
        RETURN NULL;
    END IF;
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
    IF recruiter.bulk_load_deferred() THEN
        RETURN NULL;
    END IF;
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

-- Every candidate's search document rebuilt from the tables in one pass (the same document as
-- candidate_search_document, V39, with the skills and experiences aggregated once instead of once per candidate), rows of vanished
-- candidates removed; returns how many rows it changed (0 when the triggers kept up). Holds off writes to what
-- the documents are made of meanwhile (SHARE locks): for bulk loads, not for a live server.
CREATE OR REPLACE FUNCTION recruiter.rebuild_candidate_search() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    changed bigint;
    removed bigint;
BEGIN
    LOCK TABLE public.candidates, public.skills, public.experiences, public.users IN SHARE MODE;
    WITH skill_names AS (
        SELECT s.candidate_id, pg_catalog.string_agg(s.name, ' ' ORDER BY s.id) AS names
          FROM public.skills s
         WHERE s.candidate_id IS NOT NULL
         GROUP BY s.candidate_id),
    positions AS (
        SELECT x.candidate_id, pg_catalog.string_agg(x.title || ' ' || x.company, ' ' ORDER BY x.id) AS names
          FROM public.experiences x
         WHERE x.candidate_id IS NOT NULL
         GROUP BY x.candidate_id)
    INSERT INTO recruiter.candidate_search AS k (candidate_id, user_id, document, refreshed_at)
    SELECT c.id, c.user_id,
           pg_catalog.setweight(pg_catalog.to_tsvector('pg_catalog.simple'::regconfig,
               recruiter.person_name_key(u.first_name, u.last_name)), 'A')
           || recruiter.bilingual_tsvector(c.title, 'A')
           || recruiter.bilingual_tsvector(n.names, 'B')
           || recruiter.bilingual_tsvector(c.location, 'B')
           || recruiter.bilingual_tsvector(p.names, 'B')
           || recruiter.bilingual_tsvector(c.summary, 'C'),
           now()
      FROM public.candidates c
      JOIN public.users u ON u.id = c.user_id
      LEFT JOIN skill_names n ON n.candidate_id = c.id
      LEFT JOIN positions p ON p.candidate_id = c.id
    ON CONFLICT (candidate_id) DO UPDATE
       SET user_id = EXCLUDED.user_id, document = EXCLUDED.document, refreshed_at = EXCLUDED.refreshed_at
     WHERE (k.user_id, k.document) IS DISTINCT FROM (EXCLUDED.user_id, EXCLUDED.document);
    GET DIAGNOSTICS changed = ROW_COUNT;
    DELETE FROM recruiter.candidate_search k
     WHERE NOT EXISTS (SELECT 1 FROM public.candidates c WHERE c.id = k.candidate_id);
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN changed + removed;
END
$$;

REVOKE ALL ON FUNCTION recruiter.bulk_load_deferred(), recruiter.rebuild_candidate_search(),
    recruiter.candidate_search_on_experience() FROM PUBLIC;
