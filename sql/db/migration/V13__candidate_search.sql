-- V13: full-text search over candidates (name, title, skills, summary), kept up to date by triggers.
--
-- For the web platform: its writes to candidates, skills and users (name columns only) now also run an AFTER
-- row trigger that recomputes one row of recruiter.candidate_search (SECURITY DEFINER, fixed search_path: the
-- platform's role needs no privilege on schema recruiter). Nothing it reads changes.
--
-- Choice: a side table, not a column or an expression index. The document spans three tables (the name is in
-- users, the title and summary in candidates, the skills in skills), which no index expression can reach, and
-- a column on candidates would be rewritten by every skill change. recruiter.candidate_search holds one row per
-- candidate:
--     document = name (users.first_name, last_name; unstemmed 'simple' config, weight A)
--              + title (French + English stems, weight A) + skills names (weight B) + summary (weight C)
--     all accent-folded (recruiter.fold_text), with a GIN index. The client queries:
--       SELECT ... FROM recruiter.candidate_search s JOIN public.candidates c ON c.id = s.candidate_id
--        WHERE s.document @@ recruiter.search_query(:text) AND c.deleted_at IS NULL
--        ORDER BY ts_rank(s.document, recruiter.search_query(:text)) DESC
--     Fuzzy name matching (typos, partial names) uses ix_users_name_trgm (V8) on users instead.
-- The row follows its candidate: foreign key ON DELETE CASCADE (the platform's deletion of a candidate removes
-- it; nothing is refused). Filled for existing candidates by V14.
--
-- Live-database safety: the table and its index are created empty (nothing to build); each trigger is created
-- through recruiter.apply_ddl (own transaction, short lock_timeout, retries), as is the table (its foreign key
-- briefly locks candidates). Runs outside a transaction (see the .conf file). Re-runnable.

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE TABLE IF NOT EXISTS recruiter.candidate_search (
    candidate_id integer     PRIMARY KEY REFERENCES public.candidates (id) ON DELETE CASCADE,
    user_id      integer     NOT NULL,
    document     tsvector    NOT NULL,
    refreshed_at timestamptz NOT NULL DEFAULT now()
)
$ddl$
]);

CREATE INDEX IF NOT EXISTS ix_candidate_search_document ON recruiter.candidate_search USING gin (document);
CREATE INDEX IF NOT EXISTS ix_candidate_search_user ON recruiter.candidate_search (user_id);

COMMENT ON TABLE recruiter.candidate_search IS
    'One full-text document per candidate (name, title, skills, summary), maintained by triggers on candidates, '
    'users and skills. Query: document @@ recruiter.search_query(:text).';

-- The search document of one candidate, from the current rows.
CREATE OR REPLACE FUNCTION recruiter.candidate_search_document(p_candidate_id integer) RETURNS tsvector
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT pg_catalog.setweight(pg_catalog.to_tsvector('pg_catalog.simple'::regconfig,
               recruiter.person_name_key(u.first_name, u.last_name)), 'A')
        || recruiter.bilingual_tsvector(c.title, 'A')
        || recruiter.bilingual_tsvector((SELECT pg_catalog.string_agg(s.name, ' ' ORDER BY s.id)
                                           FROM public.skills s WHERE s.candidate_id = c.id), 'B')
        || recruiter.bilingual_tsvector(c.summary, 'C')
      FROM public.candidates c
      JOIN public.users u ON u.id = c.user_id
     WHERE c.id = p_candidate_id;
END;

-- Recomputes (or removes) the candidate_search row of one candidate.
CREATE OR REPLACE FUNCTION recruiter.refresh_candidate_search(p_candidate_id integer) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_user_id integer;
BEGIN
    IF p_candidate_id IS NULL THEN
        RETURN;
    END IF;
    SELECT c.user_id INTO v_user_id FROM public.candidates c WHERE c.id = p_candidate_id;
    IF NOT FOUND THEN
        DELETE FROM recruiter.candidate_search WHERE candidate_id = p_candidate_id;
        RETURN;
    END IF;
    INSERT INTO recruiter.candidate_search (candidate_id, user_id, document, refreshed_at)
    VALUES (p_candidate_id, v_user_id, recruiter.candidate_search_document(p_candidate_id), now())
    ON CONFLICT (candidate_id) DO UPDATE
        SET user_id = EXCLUDED.user_id, document = EXCLUDED.document, refreshed_at = EXCLUDED.refreshed_at;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.candidate_search_on_candidate() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
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
    IF NEW.first_name IS DISTINCT FROM OLD.first_name OR NEW.last_name IS DISTINCT FROM OLD.last_name THEN
        FOR cid IN SELECT c.id FROM public.candidates c WHERE c.user_id = NEW.id LOOP
            PERFORM recruiter.refresh_candidate_search(cid);
        END LOOP;
    END IF;
    RETURN NULL;
END
$$;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_candidate_search
    AFTER INSERT OR UPDATE OF user_id, title, summary ON public.candidates
    FOR EACH ROW EXECUTE FUNCTION recruiter.candidate_search_on_candidate()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_candidate_search
    AFTER INSERT OR UPDATE OF candidate_id, name OR DELETE ON public.skills
    FOR EACH ROW EXECUTE FUNCTION recruiter.candidate_search_on_skill()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_candidate_search
    AFTER UPDATE OF first_name, last_name ON public.users
    FOR EACH ROW EXECUTE FUNCTION recruiter.candidate_search_on_user()
$ddl$
]);
