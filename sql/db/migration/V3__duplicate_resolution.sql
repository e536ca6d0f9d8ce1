-- V3: archive tables and functions that resolve duplicate applications and duplicate OAuth accounts, run by
-- V4 immediately before it builds the unique indexes.
--
-- For the web platform: nothing changes in this migration (tables and functions in schema recruiter only).
-- When V4 runs the functions, duplicate rows are MOVED, not lost: each removed row is copied whole (jsonb) into
-- an archive table with the reason and time, and every foreign key pointing at it (for applications:
-- notifications.related_application_id and interview_schedules.application_id, found from the catalogue so a
-- future platform table is covered too) is re-pointed to the row that is kept.
--
-- Rule for applications (see src/docs/decisions/0003-one-application-per-candidate-and-job.md): in each group
-- of applications with the same (job_id, candidate_id), keep ONE row, chosen by
--   1. the most advanced status: accepted > interview > shortlisted > rejected > viewed > applied
--      (a rejection is a recruiter's decision and outranks an untouched 'applied'/'viewed' copy, so a rejected
--      candidate does not reappear as new; a copy the recruiter moved forward outranks a rejected copy, which
--      is how recruiters usually discard a duplicate);
--   2. then the latest applied_at (NULLs last);
--   3. then the highest id.
-- Rule for accounts: per (user_id, provider, provider_account_id) keep the most recently updated row
-- (coalesce(updated_at, created_at), NULLs last: it holds the freshest tokens), then the highest id.
-- jobs.applications_count (a platform-maintained counter) is not adjusted.
--
-- Re-runnable: IF NOT EXISTS / CREATE OR REPLACE; a row can be archived once (unique on the archived id).

SET LOCAL lock_timeout = '5s';

CREATE TABLE IF NOT EXISTS recruiter.duplicate_applications_archive (
    id                  bigserial PRIMARY KEY,
    application_id      integer                  NOT NULL,
    kept_application_id integer                  NOT NULL,
    job_id              integer                  NOT NULL,
    candidate_id        integer                  NOT NULL,
    status              public.applicationstatus NOT NULL,
    applied_at          timestamptz,
    row_data            jsonb                    NOT NULL,
    repointed           jsonb                    NOT NULL DEFAULT '{}'::jsonb,
    reason              text                     NOT NULL,
    archived_at         timestamptz              NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_duplicate_applications_archive_application
    ON recruiter.duplicate_applications_archive (application_id);
COMMENT ON TABLE recruiter.duplicate_applications_archive IS
    'Applications removed as duplicates of another application for the same job and candidate (kept_application_id). '
    'row_data is the whole row as it was; repointed counts the references moved to the kept row, per foreign key.';

CREATE TABLE IF NOT EXISTS recruiter.duplicate_accounts_archive (
    id                  bigserial PRIMARY KEY,
    account_id          integer     NOT NULL,
    kept_account_id     integer     NOT NULL,
    user_id             integer     NOT NULL,
    provider            text        NOT NULL,
    provider_account_id text        NOT NULL,
    row_data            jsonb       NOT NULL,
    repointed           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    reason              text        NOT NULL,
    archived_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_duplicate_accounts_archive_account
    ON recruiter.duplicate_accounts_archive (account_id);
COMMENT ON TABLE recruiter.duplicate_accounts_archive IS
    'OAuth accounts removed as duplicates of another row with the same (user_id, provider, provider_account_id).';

-- The order of statuses used to pick the application to keep (higher wins).
CREATE OR REPLACE FUNCTION recruiter.application_status_rank(status public.applicationstatus) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE status
               WHEN 'accepted'    THEN 6
               WHEN 'interview'   THEN 5
               WHEN 'shortlisted' THEN 4
               WHEN 'rejected'    THEN 3
               WHEN 'viewed'      THEN 2
               WHEN 'applied'     THEN 1
               ELSE 0
           END;
END;

-- Re-points every single-column foreign key that references `target` from pg_temp.recruiter_dup_map.dup_id to
-- keep_id, and records per duplicate how many rows of which column were moved (dup_map.repointed).
CREATE OR REPLACE FUNCTION recruiter.repoint_references(target regclass) RETURNS bigint
    LANGUAGE plpgsql
AS $$
DECLARE
    fk    record;
    moved bigint;
    total bigint := 0;
BEGIN
    FOR fk IN
        SELECT c.conrelid::regclass AS tbl, a.attname AS col, c.conname,
               pg_catalog.format('%s.%s.%s', n.nspname, cl.relname, a.attname) AS label
          FROM pg_catalog.pg_constraint c
          JOIN pg_catalog.pg_class cl ON cl.oid = c.conrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND c.confrelid = target AND pg_catalog.array_length(c.conkey, 1) = 1
         ORDER BY 4
    LOOP
        EXECUTE pg_catalog.format(
            'WITH u AS (UPDATE %1$s t SET %2$I = m.keep_id FROM pg_temp.recruiter_dup_map m '
            '            WHERE t.%2$I = m.dup_id RETURNING m.dup_id), '
            '     c AS (SELECT dup_id, count(*) AS n FROM u GROUP BY dup_id), '
            '     w AS (UPDATE pg_temp.recruiter_dup_map m '
            '              SET repointed = m.repointed || pg_catalog.jsonb_build_object(%3$L, c.n) '
            '             FROM c WHERE m.dup_id = c.dup_id RETURNING c.n) '
            'SELECT coalesce(sum(n), 0) FROM w',
            fk.tbl, fk.col, fk.label)
        INTO moved;
        total := total + moved;
    END LOOP;
    FOR fk IN
        SELECT c.conrelid::regclass AS tbl, c.conname
          FROM pg_catalog.pg_constraint c
         WHERE c.contype = 'f' AND c.confrelid = target AND pg_catalog.array_length(c.conkey, 1) > 1
    LOOP
        RAISE WARNING 'Multi-column foreign key % on % references %: not re-pointed', fk.conname, fk.tbl, target;
    END LOOP;
    RETURN total;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.resolve_duplicate_applications() RETURNS integer
    LANGUAGE plpgsql
AS $$
DECLARE
    archived  integer;
    groups    integer;
    repointed bigint;
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS recruiter_dup_map (
        dup_id    integer PRIMARY KEY,
        keep_id   integer NOT NULL,
        repointed jsonb   NOT NULL DEFAULT '{}'::jsonb
    ) ON COMMIT DROP;
    TRUNCATE pg_temp.recruiter_dup_map;

    -- Lock every row of every duplicate group so the platform cannot change one while we choose.
    PERFORM 1
       FROM public.job_applications a
      WHERE (a.job_id, a.candidate_id) IN (SELECT job_id, candidate_id FROM public.job_applications
                                            GROUP BY job_id, candidate_id HAVING count(*) > 1)
        FOR UPDATE;

    INSERT INTO pg_temp.recruiter_dup_map (dup_id, keep_id)
    SELECT r.id, r.keep_id
      FROM (SELECT a.id,
                   pg_catalog.first_value(a.id) OVER w AS keep_id,
                   pg_catalog.row_number() OVER w     AS rn
              FROM public.job_applications a
             WHERE (a.job_id, a.candidate_id) IN (SELECT job_id, candidate_id FROM public.job_applications
                                                   GROUP BY job_id, candidate_id HAVING count(*) > 1)
            WINDOW w AS (PARTITION BY a.job_id, a.candidate_id
                         ORDER BY recruiter.application_status_rank(a.status) DESC,
                                  a.applied_at DESC NULLS LAST, a.id DESC)) r
     WHERE r.rn > 1;

    SELECT count(*), count(DISTINCT keep_id) INTO archived, groups FROM pg_temp.recruiter_dup_map;
    IF archived = 0 THEN
        RETURN 0;
    END IF;

    repointed := recruiter.repoint_references('public.job_applications'::regclass);

    INSERT INTO recruiter.duplicate_applications_archive
           (application_id, kept_application_id, job_id, candidate_id, status, applied_at, row_data, repointed,
            reason)
    SELECT a.id, m.keep_id, a.job_id, a.candidate_id, a.status, a.applied_at, pg_catalog.to_jsonb(a), m.repointed,
           pg_catalog.format('duplicate application for job %s and candidate %s; application %s kept (rule: most '
                             'advanced status accepted > interview > shortlisted > rejected > viewed > applied, '
                             'then latest applied_at, then highest id)', a.job_id, a.candidate_id, m.keep_id)
      FROM public.job_applications a
      JOIN pg_temp.recruiter_dup_map m ON m.dup_id = a.id;

    DELETE FROM public.job_applications a USING pg_temp.recruiter_dup_map m WHERE a.id = m.dup_id;

    RAISE WARNING 'Duplicate applications: % rows in % (job, candidate) groups moved to recruiter.duplicate_applications_archive; % references re-pointed to the kept rows.',
        archived, groups, repointed;
    RETURN archived;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.resolve_duplicate_accounts() RETURNS integer
    LANGUAGE plpgsql
AS $$
DECLARE
    archived  integer;
    groups    integer;
    repointed bigint;
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS recruiter_dup_map (
        dup_id    integer PRIMARY KEY,
        keep_id   integer NOT NULL,
        repointed jsonb   NOT NULL DEFAULT '{}'::jsonb
    ) ON COMMIT DROP;
    TRUNCATE pg_temp.recruiter_dup_map;

    PERFORM 1
       FROM public.accounts a
      WHERE (a.user_id, a.provider, a.provider_account_id) IN
            (SELECT user_id, provider, provider_account_id FROM public.accounts
              GROUP BY user_id, provider, provider_account_id HAVING count(*) > 1)
        FOR UPDATE;

    INSERT INTO pg_temp.recruiter_dup_map (dup_id, keep_id)
    SELECT r.id, r.keep_id
      FROM (SELECT a.id,
                   pg_catalog.first_value(a.id) OVER w AS keep_id,
                   pg_catalog.row_number() OVER w     AS rn
              FROM public.accounts a
             WHERE (a.user_id, a.provider, a.provider_account_id) IN
                   (SELECT user_id, provider, provider_account_id FROM public.accounts
                     GROUP BY user_id, provider, provider_account_id HAVING count(*) > 1)
            WINDOW w AS (PARTITION BY a.user_id, a.provider, a.provider_account_id
                         ORDER BY coalesce(a.updated_at, a.created_at) DESC NULLS LAST, a.id DESC)) r
     WHERE r.rn > 1;

    SELECT count(*), count(DISTINCT keep_id) INTO archived, groups FROM pg_temp.recruiter_dup_map;
    IF archived = 0 THEN
        RETURN 0;
    END IF;

    repointed := recruiter.repoint_references('public.accounts'::regclass);

    INSERT INTO recruiter.duplicate_accounts_archive
           (account_id, kept_account_id, user_id, provider, provider_account_id, row_data, repointed, reason)
    SELECT a.id, m.keep_id, a.user_id, a.provider, a.provider_account_id, pg_catalog.to_jsonb(a), m.repointed,
           pg_catalog.format('duplicate OAuth account (user %s, provider %s); account %s kept (rule: most recently '
                             'updated, then highest id)', a.user_id, a.provider, m.keep_id)
      FROM public.accounts a
      JOIN pg_temp.recruiter_dup_map m ON m.dup_id = a.id;

    DELETE FROM public.accounts a USING pg_temp.recruiter_dup_map m WHERE a.id = m.dup_id;

    RAISE WARNING 'Duplicate OAuth accounts: % rows in % groups moved to recruiter.duplicate_accounts_archive; % references re-pointed.',
        archived, groups, repointed;
    RETURN archived;
END
$$;
