-- V48: a company's recruiters listed from one index range in name order (issue 16).
--
-- Why: the pipeline's recruiter filter (and the poster column it names) lists every employer of the company by
-- name. V37's recruiter.visible_recruiters() joined employers to users and sorted the computed names: for the
-- largest company 1,086 users probes and 3,800 buffers, 3.4 ms p50, twice the 2 ms a screen's read may take.
-- Here each employer's display name is kept by trigger in recruiter.recruiter_names, whose index is in the list's
-- order: the list is one index-only range scan of the company's rows.
--
-- Writes: the employers trigger fires on insert, delete and a change of company or user; the users trigger only
-- when a name or the e-mail address changes (the platform's sign-in and profile writes of other columns do not
-- fire it). Bulk loads with triggers off (seed --scale large) call rebuild_recruiter_names() afterwards, as
-- maintain does, which reports drift (expected zero).

CREATE TABLE IF NOT EXISTS recruiter.recruiter_names (
    employer_id integer PRIMARY KEY,
    company_id  integer,
    name        text NOT NULL
);
COMMENT ON TABLE recruiter.recruiter_names IS
    'Display name of each employer, kept by trigger; read only by recruiter.visible_recruiters().';
CREATE INDEX IF NOT EXISTS ix_recruiter_names_company_name
    ON recruiter.recruiter_names (company_id, name, employer_id);
REVOKE ALL ON recruiter.recruiter_names FROM PUBLIC;

-- The name as the screens show it: first and last name, or the e-mail address when both are empty.
CREATE OR REPLACE FUNCTION recruiter.display_name(first_name text, last_name text, email text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(nullif(btrim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), email)
$$;

CREATE OR REPLACE FUNCTION recruiter.name_employer() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM recruiter.recruiter_names WHERE employer_id = OLD.id;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN
        DELETE FROM recruiter.recruiter_names WHERE employer_id = OLD.id;
    END IF;
    INSERT INTO recruiter.recruiter_names (employer_id, company_id, name)
    SELECT NEW.id, NEW.company_id, recruiter.display_name(u.first_name, u.last_name, u.email)
      FROM public.users u
     WHERE u.id = NEW.user_id
    ON CONFLICT (employer_id) DO UPDATE SET company_id = EXCLUDED.company_id, name = EXCLUDED.name;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.name_user_employers() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    UPDATE recruiter.recruiter_names n
       SET name = recruiter.display_name(NEW.first_name, NEW.last_name, NEW.email)
      FROM public.employers e
     WHERE e.user_id = NEW.id AND n.employer_id = e.id
       AND n.name IS DISTINCT FROM recruiter.display_name(NEW.first_name, NEW.last_name, NEW.email);
    RETURN NULL;
END
$$;

-- Rebuilds every row from employers and users and returns how many rows it had to add, change or remove.
CREATE OR REPLACE FUNCTION recruiter.rebuild_recruiter_names() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    removed bigint;
    written bigint;
BEGIN
    LOCK TABLE public.employers IN SHARE MODE;
    DELETE FROM recruiter.recruiter_names n
     WHERE NOT EXISTS (SELECT 1 FROM public.employers e WHERE e.id = n.employer_id);
    GET DIAGNOSTICS removed = ROW_COUNT;
    INSERT INTO recruiter.recruiter_names (employer_id, company_id, name)
    SELECT e.id, e.company_id, recruiter.display_name(u.first_name, u.last_name, u.email)
      FROM public.employers e
      JOIN public.users u ON u.id = e.user_id
    ON CONFLICT (employer_id) DO UPDATE SET company_id = EXCLUDED.company_id, name = EXCLUDED.name
     WHERE recruiter_names.company_id IS DISTINCT FROM EXCLUDED.company_id
        OR recruiter_names.name IS DISTINCT FROM EXCLUDED.name;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN removed + written;
END
$$;

-- A recruiter's colleagues from the index range; a hiring manager's list (the posters of her jobs, a handful) as
-- in V37. Nothing of the users row leaves but the name. The caller orders (V37's function sorted twice).
CREATE OR REPLACE FUNCTION recruiter.visible_recruiters()
    RETURNS TABLE (employer_id integer, name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT n.employer_id, n.name
      FROM recruiter.recruiter_names n
     WHERE n.company_id = (SELECT recruiter.session_company_id())
    UNION ALL
    SELECT DISTINCT e.id, recruiter.display_name(u.first_name, u.last_name, u.email)
      FROM public.jobs j
      JOIN public.employers e ON e.id = j.employer_id
      JOIN public.users u ON u.id = e.user_id
     WHERE (SELECT recruiter.session_company_id()) IS NULL
       AND j.id = ANY ((SELECT recruiter.session_job_ids())::integer[])
$$;

REVOKE ALL ON FUNCTION recruiter.name_employer(), recruiter.name_user_employers(),
    recruiter.rebuild_recruiter_names(), recruiter.display_name(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.visible_recruiters() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.visible_recruiters() TO recruiter_app;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_name_employer
    AFTER INSERT OR DELETE OR UPDATE OF id, company_id, user_id ON public.employers
    FOR EACH ROW EXECUTE FUNCTION recruiter.name_employer()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_name_user_employers
    AFTER UPDATE OF first_name, last_name, email ON public.users
    FOR EACH ROW EXECUTE FUNCTION recruiter.name_user_employers()
$ddl$]);

-- Employers are few (thousands): one statement.
SELECT recruiter.rebuild_recruiter_names();
-- sets the visibility map, which the index-only scan needs (autovacuum keeps it up after)
VACUUM (ANALYZE) recruiter.recruiter_names;
