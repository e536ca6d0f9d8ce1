-- V31: what an attack review as a client login found (issue 15; decision 0005, "Amended" section).
--
-- For the web platform: nothing it does changes. jobs gets defaults where it had none for counters and
-- timestamps (views_count, applications_count 0; created_at, updated_at now()) so a client insert may leave them
-- out; the platform's ORM sends its own values anyway. Policies and grants concern
-- recruiter_app only.
--
-- 1. Sign-in in two steps (replaces sign_in_attempt and sign_in, which wrote the failure in the caller's
--    transaction, so ROLLBACK undid the count, and held a row lock per address that a caller could keep):
--      recruiter.sign_in_start(email, password) -> attempt handle (64 hex characters), and nothing else.
--          Checks the password (bcrypt) and records the attempt with its outcome in recruiter.sign_in_log, in the
--          caller's transaction. The outcome is not returned and nothing the caller can read depends on it.
--      recruiter.sign_in_finish(attempt) -> (outcome, token, retry_after, attempts_left)
--          Only once the first step's transaction has COMMITTED (a later transaction; in the same one, or under a
--          savepoint, it raises IW409). So a guess's answer is only ever learnt after its failure is durable: a
--          rolled-back first step leaves no count and no answer. outcome: ok | invalid | locked | throttled.
--    Counting reads committed rows only (append-only log, no shared row to lock): no sign-in waits on another.
--    Per address: 5 failures within the hour since the last successful sign-in lock it for 15 minutes after the
--    latest failure (each further failure after a lock locks it again). Per database login: at most 50 failures
--    in 10 minutes, and a bcrypt budget kept in sequences (non-transactional: a rollback does not refund it):
--    bursts of 30, then one bcrypt every 2 s. An account that may not use the client (candidate, admin,
--    inactive, employer without company, job or invitation) answers exactly as a wrong password, after the
--    same bcrypt. attempts_left counts only the failures of the caller's own database login on that address.
-- 2. Hiring managers by invitation: recruiter.invite_hiring_manager(job_id, email) answers the same for any
--    address (true), returns no id, and makes no row visible; the invitee becomes the job's hiring manager at
--    their next sign-in (recruiter.hiring_manager_invitations: readable and cancellable by the job's company).
--    add_hiring_manager (distinct errors per kind of address, the user id returned) is dropped.
-- 3. recruiter.applied_operations: a row may be recorded only for an application the session can read, and the
--    commit-time trigger copies a version only from an application the session can read.
-- 4. pg_stat_statements: every function of the extension (and its views) revoked from PUBLIC and recruiter_app,
--    here and after every migrate (callback afterMigrate__revoke_monitoring.sql), since the extension may be
--    installed later. doctor reports it if it is readable again.
-- 5. Column-level INSERT grants on jobs, interview_schedules, email_templates (none left on notifications, see
--    6): only the columns a recruiter's action writes; ids, counters, versions and timestamps are the
--    database's or the platform's.
-- 6. Notifications: the client no longer inserts them; recruiter.notify_status_change(application_ids, title)
--    writes the platform's status notification for the applications the session can read and returns the rows
--    (INSERT ... RETURNING by the client failed: see the function).
-- 7. Lengths: the functions refuse over-long arguments with a fixed message (never echoing them); the client's
--    writes to jobs and job_applications are capped by their policies (100,000 characters a text, 256 kB a
--    JSON value), far above what the screens allow.
-- 8. Client logins' server-side limits: recruiter.client_login_settings remembers what IT set (connection limit,
--    statement, lock and idle-in-transaction timeouts); create_client_login applies them as role settings,
--    recruiter.apply_client_login_settings(name) restores them, recruiter.client_login_drift() lists differences.
--
-- Runs outside a transaction (see the .conf file): the platform tables' changes go one table at a time through
-- recruiter.apply_ddl. Re-runnable: IF NOT EXISTS, CREATE OR REPLACE, DROP ... IF EXISTS, guarded DO blocks.

-- 1. Sign-in ------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS recruiter.sign_in_log (
    id             bigserial   PRIMARY KEY,
    attempt_hash   bytea       NOT NULL,
    email_key      text        NOT NULL,
    database_login name        NOT NULL DEFAULT session_user,
    started_at     timestamptz NOT NULL DEFAULT now(),
    started_in     xid8        NOT NULL DEFAULT pg_current_xact_id(),
    outcome        text        NOT NULL,
    retry_after    timestamptz,
    user_id        integer,
    employer_id    integer,
    finished_at    timestamptz,
    client_addr    inet                 DEFAULT inet_client_addr(),
    CONSTRAINT ux_sign_in_log_attempt UNIQUE (attempt_hash),
    CONSTRAINT ck_sign_in_log_outcome CHECK (outcome IN ('ok', 'invalid', 'locked', 'throttled'))
);
CREATE INDEX IF NOT EXISTS ix_sign_in_log_email ON recruiter.sign_in_log (email_key, started_at);
CREATE INDEX IF NOT EXISTS ix_sign_in_log_login_failures ON recruiter.sign_in_log (database_login, started_at)
    WHERE outcome = 'invalid';
COMMENT ON TABLE recruiter.sign_in_log IS
    'Desktop sign-in attempts (append-only; finished_at set once): counts failures per address and login, '
    'holds each attempt''s outcome until its first step has committed. Never granted to recruiter_app.';

-- One bcrypt budget per bucket of database logins (hash of the login name, 64 buckets). A sequence, because
-- nextval and setval are not undone by ROLLBACK: what a login made the server compute stays counted.
DO $$
BEGIN
    FOR b IN 0..63 LOOP
        EXECUTE pg_catalog.format('CREATE SEQUENCE IF NOT EXISTS recruiter.sign_in_budget_%s AS bigint '
                                  'INCREMENT BY 2000 MINVALUE 0 START WITH 0', pg_catalog.lpad(b::text, 2, '0'));
        EXECUTE pg_catalog.format('REVOKE ALL ON SEQUENCE recruiter.sign_in_budget_%s FROM PUBLIC',
                                  pg_catalog.lpad(b::text, 2, '0'));
    END LOOP;
END
$$;

-- NULL when the caller's login may run one more bcrypt now (and charges it), else when it may again.
-- The budget is a virtual clock in epoch milliseconds: each bcrypt pushes it 2 s (the sequence's increment);
-- when it runs more than 60 s ahead of real time, the login waits. Read-then-charge may let a few concurrent
-- calls through at the edge; the bound holds within those few.
CREATE OR REPLACE FUNCTION recruiter.charge_sign_in_budget() RETURNS timestamptz
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    burst_ms CONSTANT bigint := 60000;
    cost_ms  CONSTANT bigint := 2000;
    budget   regclass := pg_catalog.format('recruiter.sign_in_budget_%s',
                            pg_catalog.lpad((pg_catalog.hashtext(session_user::text) & 63)::text, 2, '0'))::regclass;
    now_ms   bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
    due_ms   bigint;
BEGIN
    EXECUTE pg_catalog.format('SELECT last_value FROM %s', budget) INTO due_ms;
    IF due_ms - now_ms > burst_ms THEN
        RETURN pg_catalog.to_timestamp((due_ms - burst_ms) / 1000.0);
    END IF;
    IF due_ms < now_ms THEN
        PERFORM pg_catalog.setval(budget, now_ms + cost_ms);
    ELSE
        PERFORM pg_catalog.nextval(budget);
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.charge_sign_in_budget() FROM PUBLIC;

-- Who may use the client: an active EMPLOYER with an employers row that has a company, a job they manage, or
-- a pending invitation to one. Asked for every attempt, right password or not, so the time is the same.
CREATE TABLE IF NOT EXISTS recruiter.hiring_manager_invitations (
    id          bigserial   PRIMARY KEY,
    job_id      integer     NOT NULL,
    email_key   text        NOT NULL,
    invited_by  integer     NOT NULL,
    invited_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_hiring_manager_invitations UNIQUE (job_id, email_key),
    CONSTRAINT ck_hiring_manager_invitations_email CHECK (length(email_key) BETWEEN 3 AND 320)
);
CREATE INDEX IF NOT EXISTS ix_hiring_manager_invitations_email ON recruiter.hiring_manager_invitations (email_key);
COMMENT ON TABLE recruiter.hiring_manager_invitations IS
    'Hiring-manager invitations by e-mail address, accepted at the invitee''s next desktop sign-in. No foreign '
    'keys on purpose (the platform hard-deletes jobs).';

CREATE OR REPLACE FUNCTION recruiter.may_use_client(account_id integer, email_key text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce((
        SELECT u.role::text = 'EMPLOYER' AND u.is_active IS TRUE AND e.id IS NOT NULL
               AND (e.company_id IS NOT NULL
                    OR EXISTS (SELECT 1 FROM recruiter.job_hiring_managers m WHERE m.user_id = u.id)
                    OR EXISTS (SELECT 1 FROM recruiter.hiring_manager_invitations i
                                WHERE i.email_key = may_use_client.email_key))
          FROM public.users u
          LEFT JOIN public.employers e ON e.user_id = u.id
         WHERE u.id = account_id
         ORDER BY e.id NULLS LAST
         LIMIT 1), false)
$$;
REVOKE ALL ON FUNCTION recruiter.may_use_client(integer, text) FROM PUBLIC;

-- Failures of an address count from here: the later of an hour ago and its last successful sign-in (one
-- definition for sign_in_start's lock and sign_in_finish's attempts_left). Called from those SECURITY DEFINER
-- functions only.
CREATE OR REPLACE FUNCTION recruiter.sign_in_failures_count_from(email_key text) RETURNS timestamptz
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT greatest(now() - interval '1 hour', coalesce(max(l.started_at), '-infinity'))
      FROM recruiter.sign_in_log l
     WHERE l.email_key = sign_in_failures_count_from.email_key AND l.outcome = 'ok' AND l.finished_at IS NOT NULL
       AND l.started_at > now() - interval '1 hour'
$$;
REVOKE ALL ON FUNCTION recruiter.sign_in_failures_count_from(text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION recruiter.sign_in_start(email text, password text) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET lock_timeout = '2s'
AS $$
DECLARE
    max_failures   CONSTANT integer  := 5;
    lock_duration  CONSTANT interval := interval '15 minutes';
    login_failures CONSTANT integer  := 50;
    login_window   CONSTANT interval := interval '10 minutes';
    -- A valid cost-12 hash of a random string: an unknown address costs as much as a known one.
    decoy_hash     CONSTANT text := '$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW';
    key            text;
    handle         text := pg_catalog.encode(recruiter.gen_random_bytes(32), 'hex');
    failures       integer;
    last_failure   timestamptz;
    verdict        text;
    retry          timestamptz;
    account_id     integer;
    account_hash   text;
    employer_id    integer;
    allowed        boolean;
    matched        boolean;
BEGIN
    IF email IS NULL OR password IS NULL OR pg_catalog.btrim(email) = '' OR password = '' THEN
        RAISE EXCEPTION 'Enter an email address and a password.' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF pg_catalog.length(email) > 320 OR pg_catalog.length(password) > 1024 THEN
        RAISE EXCEPTION 'An email address has at most 320 characters and a password at most 1024.'
            USING ERRCODE = 'string_data_right_truncation';
    END IF;
    key := pg_catalog.lower(pg_catalog.btrim(email));

    SELECT count(*), max(l.started_at) INTO failures, last_failure
      FROM recruiter.sign_in_log l
     WHERE l.email_key = key AND l.outcome = 'invalid'
       AND l.started_at > recruiter.sign_in_failures_count_from(key);

    IF failures >= max_failures AND last_failure + lock_duration > now() THEN
        verdict := 'locked';
        retry := last_failure + lock_duration;
    ELSIF (SELECT count(*) FROM recruiter.sign_in_log l
            WHERE l.database_login = session_user AND l.outcome = 'invalid'
              AND l.started_at > now() - login_window) >= login_failures THEN
        verdict := 'throttled';
        retry := (SELECT min(l.started_at) FROM recruiter.sign_in_log l
                   WHERE l.database_login = session_user AND l.outcome = 'invalid'
                     AND l.started_at > now() - login_window) + login_window;
    ELSE
        retry := recruiter.charge_sign_in_budget();
        IF retry IS NOT NULL THEN
            verdict := 'throttled';
        END IF;
    END IF;

    IF verdict IS NULL THEN
        SELECT u.id, u.password_hash, e.id
          INTO account_id, account_hash, employer_id
          FROM public.users u
          LEFT JOIN public.employers e ON e.user_id = u.id
         WHERE pg_catalog.lower(u.email) = key
         ORDER BY (u.email = pg_catalog.btrim(sign_in_start.email)) DESC, u.id, e.id
         LIMIT 1;
        allowed := recruiter.may_use_client(account_id, key);
        matched := recruiter.bcrypt_matches(password, coalesce(account_hash, decoy_hash))
                   AND account_id IS NOT NULL;
        verdict := CASE WHEN matched AND allowed THEN 'ok' ELSE 'invalid' END;
    END IF;

    INSERT INTO recruiter.sign_in_log (attempt_hash, email_key, outcome, retry_after, user_id, employer_id)
    VALUES (pg_catalog.sha256(pg_catalog.convert_to(handle, 'UTF8')), key, verdict, retry,
            CASE WHEN verdict = 'ok' THEN account_id END, CASE WHEN verdict = 'ok' THEN employer_id END);
    RETURN handle;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.sign_in_finish(attempt text,
                                                    OUT outcome text, OUT token text,
                                                    OUT retry_after timestamptz, OUT attempts_left integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET lock_timeout = '2s'
AS $$
DECLARE
    max_failures  CONSTANT integer  := 5;
    session_life  CONSTANT interval := interval '12 hours';
    answer_within CONSTANT interval := interval '5 minutes';
    entry         recruiter.sign_in_log%ROWTYPE;
    raw_token     text;
    company       integer;
BEGIN
    IF attempt IS NULL OR attempt !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'This is not a sign-in attempt: call recruiter.sign_in_start first.'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO entry FROM recruiter.sign_in_log l
     WHERE l.attempt_hash = pg_catalog.sha256(pg_catalog.convert_to(attempt, 'UTF8'));
    IF NOT FOUND OR entry.started_at < now() - answer_within THEN
        RAISE EXCEPTION 'This sign-in attempt is unknown or too old: start again.'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'recruiter.sign_in_start must be committed before recruiter.sign_in_finish is called.';
    END IF;
    IF pg_catalog.pg_xact_status(entry.started_in) IS DISTINCT FROM 'committed' THEN
        RAISE EXCEPTION 'Commit the first step of the sign-in before asking for its result.'
            USING ERRCODE = 'IW409';
    END IF;

    outcome := entry.outcome;
    IF outcome = 'ok' AND NOT recruiter.may_use_client(entry.user_id, entry.email_key) THEN
        outcome := 'invalid';
    END IF;

    IF outcome = 'ok' THEN
        UPDATE recruiter.sign_in_log l SET finished_at = now() WHERE l.id = entry.id AND l.finished_at IS NULL;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'This sign-in attempt was already used: start again.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        -- Invitations are accepted now, by signing in. Rows a recruiter is cancelling at this moment are
        -- skipped, not waited for.
        SELECT e.company_id INTO company FROM public.employers e WHERE e.id = entry.employer_id;
        WITH accepted AS (
            SELECT i.id, i.job_id, i.invited_by
              FROM recruiter.hiring_manager_invitations i
             WHERE i.email_key = entry.email_key
               FOR UPDATE SKIP LOCKED
        ), gone AS (
            DELETE FROM recruiter.hiring_manager_invitations i USING accepted a WHERE i.id = a.id
        )
        INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by)
        SELECT a.job_id, entry.user_id, a.invited_by
          FROM accepted a JOIN public.jobs j ON j.id = a.job_id
         WHERE j.company_id IS DISTINCT FROM company
        ON CONFLICT DO NOTHING;

        raw_token := pg_catalog.encode(recruiter.gen_random_bytes(32), 'hex');
        INSERT INTO recruiter.client_sessions (token_hash, user_id, employer_id, expires_at, application_name,
                                               client_addr)
        VALUES (pg_catalog.sha256(pg_catalog.convert_to(raw_token, 'UTF8')), entry.user_id, entry.employer_id,
                now() + session_life, nullif(pg_catalog.current_setting('application_name', true), ''),
                inet_client_addr());
        token := raw_token;
    ELSIF outcome IN ('locked', 'throttled') THEN
        retry_after := entry.retry_after;
    ELSE
        attempts_left := greatest(0, max_failures - (
            SELECT count(*)::integer FROM recruiter.sign_in_log l
             WHERE l.email_key = entry.email_key AND l.outcome = 'invalid'
               AND l.database_login = entry.database_login AND l.id <= entry.id
               AND l.started_at > recruiter.sign_in_failures_count_from(entry.email_key)));
        -- the caller's own failures alone locked the address: say until when (it learns nothing of others')
        IF attempts_left = 0 THEN
            retry_after := entry.started_at + interval '15 minutes';
        END IF;
    END IF;
END
$$;

REVOKE ALL ON FUNCTION recruiter.sign_in_start(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.sign_in_finish(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.sign_in_start(text, text), recruiter.sign_in_finish(text) TO recruiter_app;

DROP FUNCTION IF EXISTS recruiter.sign_in(text, text);
DROP FUNCTION IF EXISTS recruiter.sign_in_attempt(text, text);
DROP TABLE IF EXISTS recruiter.sign_in_attempts;

-- Over-long tokens are refused before hashing, with a fixed message.
CREATE OR REPLACE FUNCTION recruiter.use_session(token text) RETURNS integer
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    signed_in integer;
BEGIN
    IF pg_catalog.length(token) > 128 THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.'
            USING ERRCODE = 'IW401', HINT = 'Sign in again.';
    END IF;
    -- set_config from inside a function with a SET clause would be undone at its exit only for search_path;
    -- recruiter.session stays set until the end of the caller's transaction.
    PERFORM pg_catalog.set_config('recruiter.session', coalesce(token, ''), true);
    signed_in := recruiter.session_user_id();
    IF signed_in IS NULL THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.'
            USING ERRCODE = 'IW401', HINT = 'Sign in again.';
    END IF;
    RETURN signed_in;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.purge_client_sessions() RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sessions integer;
BEGIN
    DELETE FROM recruiter.client_sessions s
     WHERE least(s.expires_at, coalesce(s.revoked_at, 'infinity')) < now() - interval '30 days';
    GET DIAGNOSTICS sessions = ROW_COUNT;
    -- Attempts count for an hour at most; kept 30 days so IT can see who tried to sign in from where.
    DELETE FROM recruiter.sign_in_log l WHERE l.started_at < now() - interval '30 days';
    RETURN sessions;
END
$$;
REVOKE ALL ON FUNCTION recruiter.purge_client_sessions() FROM PUBLIC;

-- 2. Hiring managers by invitation --------------------------------------------------------------------------

DROP FUNCTION IF EXISTS recruiter.add_hiring_manager(integer, text);

CREATE OR REPLACE FUNCTION recruiter.invite_hiring_manager(job_id integer, email text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET lock_timeout = '2s'
AS $$
DECLARE
    key text := pg_catalog.lower(pg_catalog.btrim(coalesce(email, '')));
BEGIN
    IF pg_catalog.length(key) > 320 OR key !~ '^[^@[:space:]]+@[^@[:space:]]+$' THEN
        RAISE EXCEPTION 'Enter one e-mail address (at most 320 characters).' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.jobs j
                    WHERE j.id = invite_hiring_manager.job_id AND j.deleted_at IS NULL
                      AND j.company_id = recruiter.session_company_id()) THEN
        RAISE EXCEPTION 'Only a recruiter of the job''s company can invite hiring managers to it.'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO recruiter.hiring_manager_invitations (job_id, email_key, invited_by)
    VALUES (invite_hiring_manager.job_id, key, recruiter.session_user_id())
    ON CONFLICT ON CONSTRAINT ux_hiring_manager_invitations DO NOTHING;
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION recruiter.invite_hiring_manager(integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.invite_hiring_manager(integer, text) TO recruiter_app;

ALTER TABLE recruiter.hiring_manager_invitations ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.hiring_manager_invitations;
DROP POLICY IF EXISTS recruiter_app_delete ON recruiter.hiring_manager_invitations;
CREATE POLICY recruiter_app_read ON recruiter.hiring_manager_invitations FOR SELECT TO recruiter_app
    USING (EXISTS (SELECT 1 FROM public.jobs j
                    WHERE j.id = hiring_manager_invitations.job_id
                      AND j.company_id = (SELECT recruiter.session_company_id()) OFFSET 0));
CREATE POLICY recruiter_app_delete ON recruiter.hiring_manager_invitations FOR DELETE TO recruiter_app
    USING (EXISTS (SELECT 1 FROM public.jobs j
                    WHERE j.id = hiring_manager_invitations.job_id
                      AND j.company_id = (SELECT recruiter.session_company_id()) OFFSET 0));
GRANT SELECT, DELETE ON recruiter.hiring_manager_invitations TO recruiter_app;

-- 3. Offline replay -----------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION recruiter.applied_operation_result() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- Only from an application the recording session can read (its company's jobs or the jobs it manages).
    UPDATE recruiter.applied_operations o
       SET result_version = (SELECT a.version
                               FROM public.job_applications a JOIN public.jobs j ON j.id = a.job_id
                              WHERE a.id = NEW.application_id
                                AND (j.company_id = recruiter.session_company_id()
                                     OR j.id = ANY (recruiter.session_job_ids())))
     WHERE o.operation_id = NEW.operation_id;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.applied_operation_result() FROM PUBLIC;

DROP POLICY IF EXISTS recruiter_app_insert ON recruiter.applied_operations;
CREATE POLICY recruiter_app_insert ON recruiter.applied_operations FOR INSERT TO recruiter_app
    WITH CHECK (user_id = (SELECT recruiter.session_user_id())
                AND EXISTS (SELECT 1 FROM public.job_applications a
                             WHERE a.id = applied_operations.application_id OFFSET 0));
REVOKE INSERT ON recruiter.applied_operations FROM recruiter_app;
GRANT INSERT (operation_id, application_id, kind) ON recruiter.applied_operations TO recruiter_app;

-- 4. Monitoring ---------------------------------------------------------------------------------------------

-- Every function and view of pg_stat_statements, wherever it is installed, away from PUBLIC and the client.
-- Owner-less roles get a WARNING from REVOKE instead of an error; doctor then reports the extension readable.
CREATE OR REPLACE PROCEDURE recruiter.revoke_monitoring_from_clients()
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    member record;
BEGIN
    FOR member IN
        SELECT CASE d.classid WHEN 'pg_catalog.pg_proc'::regclass THEN 'FUNCTION' ELSE 'TABLE' END AS kind,
               CASE d.classid WHEN 'pg_catalog.pg_proc'::regclass THEN d.objid::regprocedure::text
                              ELSE d.objid::regclass::text END AS name
          FROM pg_catalog.pg_depend d
          JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
         WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
           AND e.extname = 'pg_stat_statements'
           AND (d.classid = 'pg_catalog.pg_proc'::regclass
                OR (d.classid = 'pg_catalog.pg_class'::regclass
                    AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = d.objid) IN ('v', 'r', 'm')))
    LOOP
        EXECUTE pg_catalog.format('REVOKE ALL ON %s %s FROM PUBLIC, recruiter_app', member.kind, member.name);
    END LOOP;
END
$$;
REVOKE ALL ON PROCEDURE recruiter.revoke_monitoring_from_clients() FROM PUBLIC;
CALL recruiter.revoke_monitoring_from_clients();

-- Functions that run as their owner (SECURITY DEFINER) are callable only where granted: PUBLIC kept EXECUTE on
-- some since V2-V30 (functions default to it). Triggers do not need EXECUTE to fire.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
          FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'recruiter' AND p.prosecdef
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                            WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
$$;

-- 5. Column-level INSERT grants, and defaults for what the client leaves out -------------------------------

-- A default only where the column has none: the platform's own defaults win.
CALL recruiter.apply_ddl(ARRAY[
$ddl$
DO $$ BEGIN
    IF (SELECT a.atthasdef FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = 'public.jobs'::regclass AND a.attname = 'views_count') IS FALSE THEN
        ALTER TABLE public.jobs ALTER COLUMN views_count SET DEFAULT 0;
    END IF;
    IF (SELECT a.atthasdef FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = 'public.jobs'::regclass AND a.attname = 'applications_count') IS FALSE THEN
        ALTER TABLE public.jobs ALTER COLUMN applications_count SET DEFAULT 0;
    END IF;
    IF (SELECT a.atthasdef FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = 'public.jobs'::regclass AND a.attname = 'created_at') IS FALSE THEN
        ALTER TABLE public.jobs ALTER COLUMN created_at SET DEFAULT now();
    END IF;
    IF (SELECT a.atthasdef FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = 'public.jobs'::regclass AND a.attname = 'updated_at') IS FALSE THEN
        ALTER TABLE public.jobs ALTER COLUMN updated_at SET DEFAULT now();
    END IF;
END $$
$ddl$
]);

REVOKE INSERT ON public.jobs, public.notifications, public.interview_schedules, public.email_templates
    FROM recruiter_app;
-- nextval on a granted int4 sequence runs at ~700k/s: the client keeps only the sequences of what it inserts
REVOKE USAGE ON SEQUENCE public.notifications_id_seq FROM recruiter_app;
GRANT INSERT (employer_id, company_id, title, description, requirements, responsibilities, benefits, job_type,
              location_type, location, salary_min, salary_max, currency, status, is_featured, posted_at, expires_at,
              country, zone, language, context, mission_principale, profil_formation, profil_experience,
              profil_competences, profil_posture, profil_autre, image_url)
    ON public.jobs TO recruiter_app;
GRANT INSERT (application_id, created_by_user_id, title, description, location, meeting_link, scheduled_at,
              duration_minutes, timezone, interviewers, candidate_email, status)
    ON public.interview_schedules TO recruiter_app;
GRANT INSERT (company_id, created_by_user_id, name, type, subject, body, is_active, is_default)
    ON public.email_templates TO recruiter_app;

-- Status notifications are written by the database for the client, and their rows returned: INSERT ... RETURNING
-- by the client itself cannot work without a read policy for rows addressed to someone else, and any second read
-- policy, OR-ed with the recipient's, takes the inbox's plan off its (user_id, created_at) index (measured: the
-- "user_id = $param" one-time filter is lost). The message is the platform's own wording (shared-schema.md).
-- Only applications the session can read (its company's jobs, the jobs it manages) get one; others are skipped.
CREATE OR REPLACE FUNCTION recruiter.notify_status_change(application_ids integer[], title text)
    RETURNS TABLE (notification_id integer, application_id integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF notify_status_change.title IS NULL OR pg_catalog.length(notify_status_change.title) > 500
       OR coalesce(pg_catalog.cardinality(application_ids), 0) > 10000 THEN
        RAISE EXCEPTION 'A notification title has 1 to 500 characters, and at most 10000 applications are notified at once.'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    INSERT INTO public.notifications AS n (user_id, type, title, message, related_job_id, related_application_id,
                                           is_read, created_at)
    SELECT c.user_id, 'STATUS_CHANGE', notify_status_change.title,
           'Votre candidature pour le poste de ' || j.title || ' a été mise à jour: ' || a.status::text,
           j.id, a.id, false, now()
      FROM public.job_applications a
      JOIN public.candidates c ON c.id = a.candidate_id
      JOIN public.jobs j ON j.id = a.job_id
     WHERE a.id = ANY (application_ids)
       AND (j.company_id = recruiter.session_company_id() OR j.id = ANY (recruiter.session_job_ids()))
    RETURNING n.id, n.related_application_id;
END
$$;
REVOKE ALL ON FUNCTION recruiter.notify_status_change(integer[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.notify_status_change(integer[], text) TO recruiter_app;

-- 6 and 7. Notifications through a function; lengths capped on the client's writes -------------------

CALL recruiter.apply_ddl(ARRAY[
$ddl$
DO $$ BEGIN
    DROP POLICY IF EXISTS recruiter_app_read_sent ON public.notifications;
    DROP POLICY IF EXISTS recruiter_app_insert ON public.notifications;
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    DROP POLICY IF EXISTS recruiter_app_insert ON public.jobs;
    DROP POLICY IF EXISTS recruiter_app_update ON public.jobs;
    CREATE POLICY recruiter_app_insert ON public.jobs FOR INSERT TO recruiter_app
        WITH CHECK (company_id = (SELECT recruiter.session_company_id())
                    AND employer_id = (SELECT recruiter.session_employer_id())
                    AND coalesce(greatest(length(title), length(description), length(requirements), length(responsibilities),
                                      length(benefits), length(location), length(context), length(mission_principale),
                                      length(profil_formation), length(profil_experience), length(profil_competences),
                                      length(profil_posture), length(profil_autre), length(image_url)), 0) <= 100000);
    CREATE POLICY recruiter_app_update ON public.jobs FOR UPDATE TO recruiter_app
        USING (company_id = (SELECT recruiter.session_company_id()))
        WITH CHECK (company_id = (SELECT recruiter.session_company_id())
                    AND coalesce(greatest(length(title), length(description), length(requirements), length(responsibilities),
                                      length(benefits), length(location), length(context), length(mission_principale),
                                      length(profil_formation), length(profil_experience), length(profil_competences),
                                      length(profil_posture), length(profil_autre), length(image_url)), 0) <= 100000);
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    DROP POLICY IF EXISTS recruiter_app_update ON public.job_applications;
    CREATE POLICY recruiter_app_update ON public.job_applications FOR UPDATE TO recruiter_app
        USING (EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_applications.job_id OFFSET 0))
        WITH CHECK (EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_applications.job_id OFFSET 0)
                    AND coalesce(length(notes), 0) <= 100000
                    AND coalesce(pg_column_size(recruiter_notes), 0) <= 262144
                    AND coalesce(pg_column_size(scorecard), 0) <= 262144
                    AND coalesce(pg_column_size(tags), 0) <= 262144);
END $$
$ddl$
]);

-- 8. Client logins: limits set on the server, remembered, restorable ----------------------------------------

-- What IT set for each client login (`client-login create`); the login itself can change its own role settings
-- and password (PostgreSQL allows every role that), so doctor compares the roles with this table.
CREATE TABLE IF NOT EXISTS recruiter.client_login_settings (
    login_name                          name        PRIMARY KEY,
    connection_limit                    integer     NOT NULL,
    statement_timeout                   text        NOT NULL,
    lock_timeout                        text        NOT NULL,
    idle_in_transaction_session_timeout text        NOT NULL,
    set_at                              timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE recruiter.client_login_settings IS
    'Server-side limits IT set for each desktop client login; doctor reports roles that differ from them.';

-- Applies the remembered settings to the role (connection limit, role-level timeouts). Runs with the caller's
-- rights: it needs CREATEROLE, like create_client_login.
CREATE OR REPLACE FUNCTION recruiter.apply_client_login_settings(login_name text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    wanted recruiter.client_login_settings%ROWTYPE;
BEGIN
    SELECT * INTO wanted FROM recruiter.client_login_settings s WHERE s.login_name = apply_client_login_settings.login_name;
    IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = apply_client_login_settings.login_name
                                   AND pg_has_role(r.oid, 'recruiter_app', 'MEMBER') AND NOT r.rolsuper) THEN
        RETURN false;
    END IF;
    EXECUTE format('ALTER ROLE %I CONNECTION LIMIT %s', wanted.login_name, wanted.connection_limit);
    EXECUTE format('ALTER ROLE %I RESET ALL', wanted.login_name);
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', wanted.login_name, wanted.statement_timeout);
    EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', wanted.login_name, wanted.lock_timeout);
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', wanted.login_name,
                   wanted.idle_in_transaction_session_timeout);
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION recruiter.apply_client_login_settings(text) FROM PUBLIC;

DROP FUNCTION IF EXISTS recruiter.create_client_login(text, integer);
CREATE OR REPLACE FUNCTION recruiter.create_client_login(login_name text, connection_limit integer DEFAULT 10,
                                                         statement_timeout text DEFAULT '60s',
                                                         lock_timeout text DEFAULT '10s',
                                                         idle_in_transaction_session_timeout text DEFAULT '60s')
    RETURNS text
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    outcome text := 'created';
BEGIN
    IF login_name IS NULL OR login_name !~ '^[a-z_][a-z0-9_]{0,62}$' THEN
        RAISE EXCEPTION 'A login name is 1 to 63 lower-case letters, digits or underscores, not starting with a digit.'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF connection_limit IS NULL OR connection_limit < 1 OR connection_limit > 10000 THEN
        RAISE EXCEPTION 'A connection limit is between 1 and 10000.' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login_name) THEN
        IF NOT pg_has_role(login_name, 'recruiter_app', 'MEMBER') THEN
            RAISE EXCEPTION 'A database role named % already exists and is not an IntoWork Recruiter login.', login_name
                USING ERRCODE = 'duplicate_object';
        END IF;
        outcome := 'exists';
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION '
                       'IN ROLE recruiter_app', login_name);
    END IF;
    -- the timeouts are checked by PostgreSQL itself when set on the role
    INSERT INTO recruiter.client_login_settings AS s (login_name, connection_limit, statement_timeout, lock_timeout,
                                                       idle_in_transaction_session_timeout)
    VALUES (login_name, connection_limit, statement_timeout, lock_timeout, idle_in_transaction_session_timeout)
    ON CONFLICT ON CONSTRAINT client_login_settings_pkey DO UPDATE
       SET connection_limit = excluded.connection_limit, statement_timeout = excluded.statement_timeout,
           lock_timeout = excluded.lock_timeout,
           idle_in_transaction_session_timeout = excluded.idle_in_transaction_session_timeout, set_at = now();
    PERFORM recruiter.apply_client_login_settings(login_name);
    RETURN outcome;
END
$$;
REVOKE ALL ON FUNCTION recruiter.create_client_login(text, integer, text, text, text) FROM PUBLIC;

-- Client logins whose role differs from what IT set here. Roles belong to the whole server, this table to one
-- database: logins created for another database (or before V31) are not this database's to judge.
CREATE OR REPLACE FUNCTION recruiter.client_login_drift(OUT login_name text, OUT setting text, OUT expected text,
                                                        OUT actual text)
    RETURNS SETOF record
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    WITH logins AS (
        SELECT r.rolname, r.rolconnlimit,
               (SELECT d.setconfig FROM pg_db_role_setting d WHERE d.setrole = r.oid AND d.setdatabase = 0) AS config
          FROM pg_roles r
         WHERE r.rolname <> 'recruiter_app' AND pg_has_role(r.oid, 'recruiter_app', 'MEMBER') AND NOT r.rolsuper
    ), actual AS (
        SELECT l.rolname,
               l.rolconnlimit::text AS connection_limit,
               (SELECT substr(c, length('statement_timeout=') + 1) FROM unnest(l.config) c
                 WHERE c LIKE 'statement\_timeout=%') AS statement_timeout,
               (SELECT substr(c, length('lock_timeout=') + 1) FROM unnest(l.config) c
                 WHERE c LIKE 'lock\_timeout=%') AS lock_timeout,
               (SELECT substr(c, length('idle_in_transaction_session_timeout=') + 1) FROM unnest(l.config) c
                 WHERE c LIKE 'idle\_in\_transaction\_session\_timeout=%') AS idle_timeout,
               (SELECT string_agg(c, ', ' ORDER BY c) FROM unnest(l.config) c
                 WHERE c NOT LIKE 'statement\_timeout=%' AND c NOT LIKE 'lock\_timeout=%'
                   AND c NOT LIKE 'idle\_in\_transaction\_session\_timeout=%') AS other
          FROM logins l
    )
    SELECT a.rolname::text, x.setting, x.expected, x.actual
      FROM actual a
      JOIN recruiter.client_login_settings s ON s.login_name = a.rolname
     CROSS JOIN LATERAL (VALUES
         ('connection limit', s.connection_limit::text, a.connection_limit),
         ('statement_timeout', s.statement_timeout, a.statement_timeout),
         ('lock_timeout', s.lock_timeout, a.lock_timeout),
         ('idle_in_transaction_session_timeout', s.idle_in_transaction_session_timeout, a.idle_timeout),
         ('other role settings', NULL, a.other)) AS x(setting, expected, actual)
     WHERE x.expected IS DISTINCT FROM x.actual
     ORDER BY 1, 2
$$;
REVOKE ALL ON FUNCTION recruiter.client_login_drift() FROM PUBLIC;

-- int4 sequences near their end: the platform's ids are serial (int4); a sequence the client may call nextval
-- on could be pushed towards 2^31. For doctor.
CREATE OR REPLACE FUNCTION recruiter.sequence_headroom(OUT sequence_name text, OUT last_value bigint,
                                                       OUT max_value bigint, OUT used_percent numeric)
    RETURNS SETOF record
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT format('%I.%I', s.schemaname, s.sequencename), s.last_value, s.max_value,
           round(100.0 * coalesce(s.last_value, 0) / s.max_value, 2)
      FROM pg_sequences s
     WHERE s.schemaname IN ('public', 'recruiter') AND s.increment_by > 0 AND s.sequencename !~ '^sign_in_budget_'
     ORDER BY 4 DESC, 1
$$;
REVOKE ALL ON FUNCTION recruiter.sequence_headroom() FROM PUBLIC;

-- 9. What else a client login could execute -------------------------------------------------------------------

-- Administrative helpers and trigger functions run with the caller's rights, so they could do nothing a client
-- login may not do anyway; still, nobody but IT calls them. bcrypt_matches and pgcrypto would let a client
-- make the server hash at will outside the sign-in budget. The full list a client login may execute is kept in
-- the repository and compared by ClientLoginAttackTest.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
          FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'recruiter'
           AND (p.proname IN ('apply_ddl', 'resolve_duplicate_accounts', 'resolve_duplicate_applications',
                              'repoint_references', 'check_constraint_violations', 'validate_check_constraints',
                              'slowest_statements', 'pg_stat_statements_state', 'bcrypt_matches')
                OR p.prorettype = 'pg_catalog.trigger'::regtype
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
                            WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
                              AND e.extname = 'pgcrypto'))
    LOOP
        EXECUTE pg_catalog.format('REVOKE ALL ON %s %s FROM PUBLIC',
                                  CASE WHEN (SELECT p2.prokind FROM pg_catalog.pg_proc p2 WHERE p2.oid = f) = 'p'
                                       THEN 'PROCEDURE' ELSE 'FUNCTION' END, f);
    END LOOP;
END
$$;
