-- V2: extensions and helper routines the recruiter client builds on.
--
-- For the web platform: NOTHING changes. No platform table, column, type or index is touched. This creates,
-- in schema recruiter only: the extensions pg_trgm, unaccent and pgcrypto (an extension already installed in
-- another schema is left where it is and used from there), pg_stat_statements where the server offers it
-- (a NOTICE otherwise), text-folding/search helper functions, and recruiter.apply_ddl, the procedure later
-- migrations use to take table locks one table at a time with a short lock_timeout and retries.
--
-- Re-runnable: IF NOT EXISTS / CREATE OR REPLACE everywhere.

CREATE SCHEMA IF NOT EXISTS recruiter;

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA recruiter;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA recruiter;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA recruiter;

-- pg_stat_statements: CREATE EXTENSION succeeds even when the library is not in shared_preload_libraries, but
-- its view then fails on every use. It is created wherever the server ships it (so it starts collecting as soon
-- as IT preloads it), and a NOTICE says what is missing. It needs superuser rights to create; without them the
-- migration carries on with a NOTICE. recruiter.pg_stat_statements_state() (V17) tells `doctor` the state.
DO $$
DECLARE
    preload text := coalesce(current_setting('shared_preload_libraries', true), '');
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_stat_statements') THEN
        RAISE NOTICE 'pg_stat_statements is already installed; left as it is.';
    ELSIF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = 'pg_stat_statements') THEN
        RAISE NOTICE 'pg_stat_statements is not available on this server: doctor will not list slow statements.';
    ELSE
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA recruiter;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'pg_stat_statements was not created: it needs a superuser (ask IT to run CREATE EXTENSION pg_stat_statements).';
        END;
    END IF;
    IF NOT ('pg_stat_statements' = ANY (pg_catalog.string_to_array(pg_catalog.replace(preload, ' ', ''), ','))) THEN
        RAISE NOTICE 'pg_stat_statements is not in shared_preload_libraries (currently "%"): it collects nothing until IT adds it and restarts the server.', preload;
    END IF;
END
$$;

-- fold_text(value): lower case without accents ("Élodie" -> "elodie"), the normal form for search. unaccent() is
-- only STABLE (its dictionary could change), so this wrapper is declared IMMUTABLE to be usable in indexes, the
-- usual trade-off: if the unaccent rules file were edited, the indexes built on it would need a REINDEX. The
-- unaccent function and dictionary are referenced in whichever schema the extension lives (normally recruiter),
-- and the SQL-standard body (BEGIN ATOMIC) binds them at creation time, whatever the caller's search_path.
DO $$
DECLARE
    s text;
BEGIN
    SELECT n.nspname INTO STRICT s
      FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'unaccent';
    EXECUTE pg_catalog.format($f$
        CREATE OR REPLACE FUNCTION recruiter.fold_text(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        BEGIN ATOMIC
            SELECT pg_catalog.lower(%1$I.unaccent(%2$L::regdictionary, value));
        END$f$, s, pg_catalog.quote_ident(s) || '.unaccent');
END
$$;

COMMENT ON FUNCTION recruiter.fold_text(text) IS
    'Lower case, accents removed: the normal form used by every recruiter search index and query.';

-- person_name_key(first_name, last_name): folded "first last", the expression of the trigram index on users.
CREATE OR REPLACE FUNCTION recruiter.person_name_key(first_name text, last_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT recruiter.fold_text(pg_catalog.btrim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')));
END;

COMMENT ON FUNCTION recruiter.person_name_key(text, text) IS
    'Folded "first last" name. Fuzzy name search must use exactly recruiter.person_name_key(u.first_name, u.last_name) '
    'with ILIKE / similarity operators to hit ix_users_name_trgm.';

-- bilingual_tsvector(value, weight): French and English stems of the folded text, with one weight. The
-- platform's users write French and English; both stemmers are applied so either language's query matches.
CREATE OR REPLACE FUNCTION recruiter.bilingual_tsvector(value text, weight "char") RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.setweight(
               pg_catalog.to_tsvector('pg_catalog.french'::regconfig, recruiter.fold_text(coalesce(value, '')))
               || pg_catalog.to_tsvector('pg_catalog.english'::regconfig, recruiter.fold_text(coalesce(value, ''))),
               weight);
END;

-- job_search_document(title, description): the full-text document of a job, title weighted A, description B,
-- French + English stems of the accent-folded text. The GIN index ix_jobs_search_document (V8) is built on
-- exactly this call, so a query hits it only when written as
--     recruiter.job_search_document(j.title, j.description) @@ recruiter.search_query(:text)
CREATE OR REPLACE FUNCTION recruiter.job_search_document(title text, description text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT recruiter.bilingual_tsvector(title, 'A') || recruiter.bilingual_tsvector(description, 'B');
END;

COMMENT ON FUNCTION recruiter.job_search_document(text, text) IS
    'Full-text document of a job. Queries must use exactly recruiter.job_search_document(j.title, j.description) '
    '@@ recruiter.search_query(:text) to use ix_jobs_search_document.';

-- search_query(text): what a person typed (web-search syntax: words, "phrases", -exclusions, or) as a tsquery
-- matching the French stems, the English stems or the unstemmed words (names).
CREATE OR REPLACE FUNCTION recruiter.search_query(query text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.websearch_to_tsquery('pg_catalog.french'::regconfig, recruiter.fold_text(coalesce(query, '')))
        || pg_catalog.websearch_to_tsquery('pg_catalog.english'::regconfig, recruiter.fold_text(coalesce(query, '')))
        || pg_catalog.websearch_to_tsquery('pg_catalog.simple'::regconfig, recruiter.fold_text(coalesce(query, '')));
END;

-- apply_ddl(statements): runs each statement in its OWN transaction, with a short lock_timeout, retrying when
-- the lock is not available (or a deadlock is detected) after a pause, and commits after each one. On a live
-- database this means the client's DDL never holds a lock on one platform table while queueing for the next,
-- and never queues for long in front of the platform's queries. It COMMITs, so it must be CALLed outside a
-- transaction block: the migrations that use it are marked executeInTransaction=false (their .sql.conf file).
-- Every statement handed to it must be idempotent (IF NOT EXISTS, CREATE OR REPLACE, guarded DO blocks).
CREATE OR REPLACE PROCEDURE recruiter.apply_ddl(statements text[], lock_wait text DEFAULT '3s',
                                                attempts integer DEFAULT 20)
    LANGUAGE plpgsql
AS $$
DECLARE
    stmt    text;
    attempt integer;
BEGIN
    FOREACH stmt IN ARRAY statements LOOP
        attempt := 0;
        LOOP
            attempt := attempt + 1;
            BEGIN
                PERFORM pg_catalog.set_config('lock_timeout', lock_wait, true);
                EXECUTE stmt;
                EXIT;
            EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
                IF attempt >= attempts THEN
                    RAISE;
                END IF;
                RAISE NOTICE 'apply_ddl: lock not available (attempt % of %), retrying: %',
                    attempt, attempts, pg_catalog.left(pg_catalog.regexp_replace(stmt, '\s+', ' ', 'g'), 120);
            END;
            PERFORM pg_catalog.pg_sleep(LEAST(attempt, 5) * 0.5);
        END LOOP;
        COMMIT;
    END LOOP;
END
$$;
