-- V20: the client's database role, sign-in with the platform's own accounts, and the session the client carries.
--
-- For the web platform: nothing changes. It keeps connecting as the role that owns its tables; the new objects
-- live in schema recruiter.
--
--   Role recruiter_app   NOLOGIN group role, no table ownership, no BYPASSRLS. IT creates login roles IN it
--                        (`intowork-recruiter client-login create NAME`, or recruiter.create_client_login(name)
--                        then ALTER ROLE ... PASSWORD). Roles are cluster-wide, so it is created only when missing.
--                        Its privileges are granted in V23, its row-level security in V22.
--   recruiter.sign_in(email, password) -> text
--                        the session token (64 hex characters), or NULL when the sign-in is refused.
--   recruiter.sign_in_attempt(email, password) -> (outcome, token, retry_after, attempts_left)
--                        the same, with the reason, which the client shows: ok | invalid (unknown email or wrong
--                        password, not told apart) | locked (retry_after says until when) | not_allowed (right
--                        password, but not an active EMPLOYER with an employers row that has a company or a
--                        hiring-manager assignment).
--                        Both RETURN on failure instead of raising, so the failed-attempt count they write is
--                        committed with the caller's transaction.
--   recruiter.sign_out(token) -> boolean          revokes the session.
--   recruiter.use_session(token) -> integer       sets recruiter.session for the current transaction
--                        (set_config(..., true): transaction-local, so it works behind a transaction-pooling
--                        PgBouncer) and returns the user id; raises SQLSTATE IW401 when the token is unknown,
--                        expired or revoked, or the account was deactivated since, so the client can ask again.
--   recruiter.session_user_id(), session_employer_id(), session_company_id(), session_role(), session_job_ids()
--                        resolve recruiter.session; used by the policies as (SELECT recruiter.session_...()) so
--                        they run once per statement. NULL / empty when there is no valid session.
--   recruiter.session_profile()                   who is signed in, for the status bar.
--
-- Numbers (README "Sign-in and company isolation"):
--   sessions last 12 hours from sign-in; 5 failed attempts in a row lock the email for 15 minutes; failures
--   older than 1 hour are forgotten; a successful sign-in clears the count. Attempts are counted per email
--   address (lower-cased), also for addresses with no account, so the replies never tell whether an account
--   exists; for the same reason an unknown address costs one bcrypt computation like a real one.
--   Tokens are 32 random bytes (pgcrypto gen_random_bytes); only their SHA-256 is stored.
--
-- Passwords: the platform stores bcrypt $2b$ (cost 12). pgcrypto's crypt() verifies only $2a$; for passwords
-- under 72 bytes the two are the same algorithm, so both sides are rewritten to $2a$ before comparing.
--
-- Nothing here is readable by recruiter_app: the tables are not granted, and the functions are SECURITY DEFINER
-- (owner: the migrating role) with a fixed search_path, returning only what is listed above.
--
-- Re-runnable: IF NOT EXISTS / CREATE OR REPLACE.

SET LOCAL lock_timeout = '5s';

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'recruiter_app') THEN
        CREATE ROLE recruiter_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;
    END IF;
END
$$;
COMMENT ON ROLE recruiter_app IS 'IntoWork Recruiter desktop client: group role; login roles are created IN it.';

CREATE TABLE IF NOT EXISTS recruiter.client_sessions (
    id               bigserial   PRIMARY KEY,
    token_hash       bytea       NOT NULL,
    user_id          integer     NOT NULL,
    employer_id      integer     NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    revoked_at       timestamptz,
    database_login   name        NOT NULL DEFAULT session_user,
    application_name text,
    client_addr      inet,
    CONSTRAINT ux_client_sessions_token_hash UNIQUE (token_hash)
);
CREATE INDEX IF NOT EXISTS ix_client_sessions_user ON recruiter.client_sessions (user_id, created_at DESC);
COMMENT ON TABLE recruiter.client_sessions IS
    'Desktop client sign-in sessions. Only the SHA-256 of each token is kept; never granted to recruiter_app.';

CREATE TABLE IF NOT EXISTS recruiter.sign_in_attempts (
    email_key       text        PRIMARY KEY,
    failed_count    integer     NOT NULL DEFAULT 0,
    last_failed_at  timestamptz,
    locked_until    timestamptz
);
COMMENT ON TABLE recruiter.sign_in_attempts IS
    'Failed desktop sign-ins per lower-cased email (also unknown ones); a row is cleared by a successful sign-in.';

-- Hiring managers: platform users with an employers row whom a recruiter of the job's company added to one job.
CREATE TABLE IF NOT EXISTS recruiter.job_hiring_managers (
    job_id      integer     NOT NULL,
    user_id     integer     NOT NULL,
    added_by    integer     NOT NULL,
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, user_id)
);
CREATE INDEX IF NOT EXISTS ix_job_hiring_managers_user ON recruiter.job_hiring_managers (user_id, job_id);
COMMENT ON TABLE recruiter.job_hiring_managers IS
    'Hiring managers per job: they see only these jobs and their applicants, and may note, rate and move '
    'applications on them. No foreign keys on purpose: the platform hard-deletes jobs and users.';

-- Which candidates applied to which company: the row-level security of candidates asks "did this candidate
-- apply to a job of my company?" once per row, and answering it from the applications took a scan of the
-- candidate's applications and a probe of each job (0.2 ms per candidate on the large data set). Kept by triggers
-- on job_applications and jobs (V21) for every writer, rebuilt set-based by rebuild_company_candidates().
CREATE TABLE IF NOT EXISTS recruiter.company_candidates (
    company_id   integer NOT NULL,
    candidate_id integer NOT NULL,
    PRIMARY KEY (company_id, candidate_id)
);
COMMENT ON TABLE recruiter.company_candidates IS
    'Candidate ids per company they applied to (one pair per company, whatever the number of applications); '
    'kept by triggers, read by the row-level security of candidates. No foreign keys: platform deletes win.';

CREATE OR REPLACE FUNCTION recruiter.track_company_candidate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM recruiter.company_candidates cc
         USING public.jobs j
         WHERE j.id = OLD.job_id AND cc.company_id = j.company_id AND cc.candidate_id = OLD.candidate_id
           AND NOT EXISTS (SELECT 1 FROM public.job_applications a JOIN public.jobs other ON other.id = a.job_id
                            WHERE a.candidate_id = OLD.candidate_id AND other.company_id = j.company_id
                              AND a.id <> OLD.id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO recruiter.company_candidates (company_id, candidate_id)
        SELECT j.company_id, NEW.candidate_id FROM public.jobs j WHERE j.id = NEW.job_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.track_job_company() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.company_id IS DISTINCT FROM OLD.company_id THEN
        INSERT INTO recruiter.company_candidates (company_id, candidate_id)
        SELECT DISTINCT NEW.company_id, a.candidate_id FROM public.job_applications a WHERE a.job_id = NEW.id
        ON CONFLICT DO NOTHING;
        DELETE FROM recruiter.company_candidates cc
         WHERE cc.company_id = OLD.company_id
           AND cc.candidate_id IN (SELECT a.candidate_id FROM public.job_applications a WHERE a.job_id = NEW.id)
           AND NOT EXISTS (SELECT 1 FROM public.job_applications a JOIN public.jobs other ON other.id = a.job_id
                            WHERE a.candidate_id = cc.candidate_id AND other.company_id = OLD.company_id);
    END IF;
    RETURN NULL;
END
$$;

-- Set-based: adds the missing pairs and removes the pairs no application supports any more. Used by V21 to fill
-- the table, by the large demo seed, and safe to run again at any time. Returns the pairs added plus removed.
CREATE OR REPLACE FUNCTION recruiter.rebuild_company_candidates() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    added   bigint;
    removed bigint;
BEGIN
    INSERT INTO recruiter.company_candidates (company_id, candidate_id)
    SELECT DISTINCT j.company_id, a.candidate_id
      FROM public.job_applications a JOIN public.jobs j ON j.id = a.job_id
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    DELETE FROM recruiter.company_candidates cc
     USING (SELECT s.company_id, s.candidate_id FROM recruiter.company_candidates s
            EXCEPT
            SELECT j.company_id, a.candidate_id
              FROM public.job_applications a JOIN public.jobs j ON j.id = a.job_id) gone
     WHERE cc.company_id = gone.company_id AND cc.candidate_id = gone.candidate_id;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN added + removed;
END
$$;

-- The client's session, resolved: the one place that says what a valid session is. Not callable by the client
-- (it would tell the expiry of any token); the accessors below return one field each.
-- Valid = known token, not revoked, not expired, and the account still an active EMPLOYER with that employers
-- row; the company is read from employers now, not at sign-in, so moving or deactivating a person takes effect
-- on their next statement.
CREATE OR REPLACE FUNCTION recruiter.resolve_session(OUT user_id integer, OUT employer_id integer,
                                                     OUT company_id integer, OUT expires_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    SELECT s.user_id, s.employer_id, e.company_id, s.expires_at
      INTO resolve_session.user_id, resolve_session.employer_id, resolve_session.company_id,
           resolve_session.expires_at
      FROM recruiter.client_sessions s
      JOIN public.users u ON u.id = s.user_id
      JOIN public.employers e ON e.id = s.employer_id AND e.user_id = s.user_id
     WHERE s.token_hash = sha256(convert_to(nullif(current_setting('recruiter.session', true), ''), 'UTF8'))
       AND s.revoked_at IS NULL
       AND s.expires_at > now()
       AND u.is_active IS TRUE
       AND u.role = 'EMPLOYER';
END
$$;

-- Each of these is STABLE, so one statement sees one answer; policies call them as (SELECT ...) so the planner
-- evaluates them once per statement (an InitPlan), not once per row. PL/pgSQL rather than SQL: it keeps the
-- lookup's plan for the connection, where a SQL function was planned again on every statement (about 1 ms each,
-- several per statement).
CREATE OR REPLACE FUNCTION recruiter.session_user_id() RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$ BEGIN RETURN (recruiter.resolve_session()).user_id; END $$;

CREATE OR REPLACE FUNCTION recruiter.session_employer_id() RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$ BEGIN RETURN (recruiter.resolve_session()).employer_id; END $$;

CREATE OR REPLACE FUNCTION recruiter.session_company_id() RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$ BEGIN RETURN (recruiter.resolve_session()).company_id; END $$;

-- 'recruiter' for an employer of a company (who sees all its jobs), 'hiring_manager' for someone who only has jobs
-- they were added to; NULL without a valid session.
CREATE OR REPLACE FUNCTION recruiter.session_role() RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    resolved record := recruiter.resolve_session();
BEGIN
    IF resolved.user_id IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN CASE WHEN resolved.company_id IS NOT NULL THEN 'recruiter' ELSE 'hiring_manager' END;
END
$$;

-- Jobs the signed-in person was added to as a hiring manager (empty for most recruiters).
CREATE OR REPLACE FUNCTION recruiter.session_job_ids() RETURNS integer[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    signed_in integer := (recruiter.resolve_session()).user_id;
BEGIN
    RETURN (SELECT coalesce(array_agg(m.job_id ORDER BY m.job_id), '{}')
              FROM recruiter.job_hiring_managers m
             WHERE m.user_id = signed_in);
END
$$;

CREATE OR REPLACE FUNCTION recruiter.use_session(token text) RETURNS integer
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    signed_in integer;
BEGIN
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

CREATE OR REPLACE FUNCTION recruiter.bcrypt_matches(password text, stored_hash text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    normalised text;
BEGIN
    IF password IS NULL OR stored_hash IS NULL OR stored_hash !~ '^\$2[aby]\$[0-9]{2}\$.{53}$' THEN
        RETURN false;
    END IF;
    normalised := '$2a$' || substr(stored_hash, 5);
    RETURN recruiter.crypt(password, normalised) = normalised;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.sign_in_attempt(email text, password text,
                                                     OUT outcome text, OUT token text,
                                                     OUT retry_after timestamptz, OUT attempts_left integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    max_failures    CONSTANT integer  := 5;
    lock_duration   CONSTANT interval := interval '15 minutes';
    forget_after    CONSTANT interval := interval '1 hour';
    session_life    CONSTANT interval := interval '12 hours';
    -- A valid cost-12 hash of a random string: makes an unknown address cost as much as a known one.
    decoy_hash      CONSTANT text := '$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW';
    key             text := lower(btrim(coalesce(email, '')));
    attempt         recruiter.sign_in_attempts%ROWTYPE;
    account         record;
    matched         boolean;
    raw_token       text;
BEGIN
    IF key = '' OR coalesce(password, '') = '' THEN
        outcome := 'invalid';
        RETURN;
    END IF;

    -- One row per address, locked, so concurrent attempts on one account are counted one after the other.
    INSERT INTO recruiter.sign_in_attempts (email_key) VALUES (key) ON CONFLICT (email_key) DO NOTHING;
    SELECT * INTO attempt FROM recruiter.sign_in_attempts a WHERE a.email_key = key FOR UPDATE;

    IF attempt.locked_until > now() THEN
        outcome := 'locked';
        retry_after := attempt.locked_until;
        RETURN;
    END IF;
    IF attempt.locked_until IS NOT NULL OR attempt.last_failed_at < now() - forget_after THEN
        attempt.failed_count := 0;
    END IF;

    SELECT u.id, u.password_hash, u.role::text AS role, u.is_active, e.id AS employer_id, e.company_id
      INTO account
      FROM public.users u
      LEFT JOIN public.employers e ON e.user_id = u.id
     WHERE lower(u.email) = key
     ORDER BY (u.email = btrim(sign_in_attempt.email)) DESC, u.id
     LIMIT 1;

    matched := recruiter.bcrypt_matches(password, coalesce(account.password_hash, decoy_hash))
               AND account.id IS NOT NULL;

    IF NOT matched THEN
        attempt.failed_count := attempt.failed_count + 1;
        IF attempt.failed_count >= max_failures THEN
            UPDATE recruiter.sign_in_attempts a
               SET failed_count = attempt.failed_count, last_failed_at = now(), locked_until = now() + lock_duration
             WHERE a.email_key = key;
            outcome := 'locked';
            retry_after := now() + lock_duration;
            attempts_left := 0;
        ELSE
            UPDATE recruiter.sign_in_attempts a
               SET failed_count = attempt.failed_count, last_failed_at = now(), locked_until = NULL
             WHERE a.email_key = key;
            outcome := 'invalid';
            attempts_left := max_failures - attempt.failed_count;
        END IF;
        RETURN;
    END IF;

    DELETE FROM recruiter.sign_in_attempts a WHERE a.email_key = key;

    IF account.role <> 'EMPLOYER' OR account.is_active IS NOT TRUE OR account.employer_id IS NULL
       OR (account.company_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM recruiter.job_hiring_managers m WHERE m.user_id = account.id)) THEN
        outcome := 'not_allowed';
        RETURN;
    END IF;

    raw_token := encode(recruiter.gen_random_bytes(32), 'hex');
    INSERT INTO recruiter.client_sessions (token_hash, user_id, employer_id, expires_at, application_name,
                                           client_addr)
    VALUES (sha256(convert_to(raw_token, 'UTF8')), account.id, account.employer_id, now() + session_life,
            nullif(current_setting('application_name', true), ''), inet_client_addr());
    outcome := 'ok';
    token := raw_token;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.sign_in(email text, password text) RETURNS text
    LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT a.token FROM recruiter.sign_in_attempt(email, password) a
$$;

CREATE OR REPLACE FUNCTION recruiter.sign_out(token text) RETURNS boolean
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    WITH revoked AS (
        UPDATE recruiter.client_sessions s
           SET revoked_at = now()
         WHERE s.token_hash = sha256(convert_to(coalesce(token, ''), 'UTF8'))
           AND s.revoked_at IS NULL
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM revoked)
$$;

CREATE OR REPLACE FUNCTION recruiter.session_profile(
    OUT user_id integer, OUT email text, OUT first_name text, OUT last_name text, OUT company_id integer,
    OUT company_name text, OUT role text, OUT expires_at timestamptz, OUT hiring_manager_job_count integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.email, u.first_name, u.last_name, r.company_id, c.name,
           CASE WHEN r.company_id IS NOT NULL THEN 'recruiter' ELSE 'hiring_manager' END,
           r.expires_at,
           (SELECT count(*)::integer FROM recruiter.job_hiring_managers m WHERE m.user_id = u.id)
      FROM recruiter.resolve_session() r
      JOIN public.users u ON u.id = r.user_id
      LEFT JOIN public.companies c ON c.id = r.company_id
$$;

-- A recruiter adds a hiring manager to one of their company's jobs by email. The person must be a platform user
-- with an employers row, and not already a recruiter of that company (who sees every job anyway).
CREATE OR REPLACE FUNCTION recruiter.add_hiring_manager(job_id integer, email text) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    job_company integer;
    manager     record;
BEGIN
    SELECT j.company_id INTO job_company FROM public.jobs j WHERE j.id = add_hiring_manager.job_id;
    IF job_company IS NULL OR job_company IS DISTINCT FROM recruiter.session_company_id() THEN
        RAISE EXCEPTION 'Only a recruiter of the job''s company can add hiring managers to it.'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT u.id, e.company_id INTO manager
      FROM public.users u JOIN public.employers e ON e.user_id = u.id
     WHERE lower(u.email) = lower(btrim(add_hiring_manager.email)) AND u.role = 'EMPLOYER' AND u.is_active IS TRUE
     ORDER BY (u.email = btrim(add_hiring_manager.email)) DESC, u.id
     LIMIT 1;
    IF manager.id IS NULL THEN
        RAISE EXCEPTION 'No active employer account has the email address %.', btrim(add_hiring_manager.email)
            USING ERRCODE = 'no_data_found';
    END IF;
    IF manager.company_id = job_company THEN
        RAISE EXCEPTION 'This person is already a recruiter of the company and sees all its jobs.'
            USING ERRCODE = 'raise_exception';
    END IF;
    INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by)
    VALUES (add_hiring_manager.job_id, manager.id, recruiter.session_user_id())
    ON CONFLICT DO NOTHING;
    RETURN manager.id;
END
$$;

-- The acting user is now the signed-in one when there is a session; recruiter.actor_user_id remains for
-- scripts run by the owner role. A client cannot claim to be someone else: the session wins.
CREATE OR REPLACE FUNCTION recruiter.current_actor_user_id() RETURNS integer
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    signed_in integer := recruiter.session_user_id();
    raw text := nullif(pg_catalog.btrim(pg_catalog.current_setting('recruiter.actor_user_id', true)), '');
BEGIN
    IF signed_in IS NOT NULL THEN
        RETURN signed_in;
    END IF;
    IF raw ~ '^[0-9]{1,9}$' THEN
        RETURN raw::integer;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.record_application_status_event() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    declared boolean := nullif(btrim(current_setting('recruiter.actor_user_id', true)), '') IS NOT NULL
                        OR nullif(current_setting('recruiter.session', true), '') IS NOT NULL;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO recruiter.application_status_events
               (application_id, from_status, to_status, changed_at, changed_by, source)
        VALUES (NEW.id, NULL, NEW.status, coalesce(NEW.applied_at, now()), recruiter.current_actor_user_id(),
                'insert');
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO recruiter.application_status_events
               (application_id, from_status, to_status, changed_at, changed_by, source)
        VALUES (NEW.id, OLD.status, NEW.status, clock_timestamp(), recruiter.current_actor_user_id(),
                CASE WHEN declared THEN 'client' ELSE 'platform' END);
    END IF;
    RETURN NULL;
END
$$;

-- IT's helper for login roles: creates NAME as a LOGIN member of recruiter_app (without a password: set one with
-- ALTER ROLE, or let `client-login create` send a SCRAM verifier computed on the admin's machine). Needs
-- CREATEROLE, so it runs with the caller's rights.
CREATE OR REPLACE FUNCTION recruiter.create_client_login(login_name text, connection_limit integer DEFAULT -1)
    RETURNS text
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF login_name IS NULL OR login_name !~ '^[a-z_][a-z0-9_]{0,62}$' THEN
        RAISE EXCEPTION 'A login name is 1 to 63 lower-case letters, digits or underscores, not starting with a digit.'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login_name) THEN
        IF NOT pg_has_role(login_name, 'recruiter_app', 'MEMBER') THEN
            RAISE EXCEPTION 'A database role named % already exists and is not an IntoWork Recruiter login.', login_name
                USING ERRCODE = 'duplicate_object';
        END IF;
        RETURN 'exists';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION '
                   'CONNECTION LIMIT %s IN ROLE recruiter_app', login_name, coalesce(connection_limit, -1));
    RETURN 'created';
END
$$;

CREATE OR REPLACE FUNCTION recruiter.client_logins(
    OUT login_name text, OUT can_login boolean, OUT connection_limit integer, OUT valid_until timestamptz,
    OUT connections integer)
    RETURNS SETOF record
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT r.rolname::text, r.rolcanlogin, r.rolconnlimit, r.rolvaliduntil,
           (SELECT count(*)::integer FROM pg_stat_activity a WHERE a.usename = r.rolname)
      FROM pg_roles r
     WHERE r.rolname <> 'recruiter_app' AND pg_has_role(r.oid, 'recruiter_app', 'MEMBER')
       AND NOT r.rolsuper
     ORDER BY r.rolname
$$;

-- Functions run as their owner must not be callable by anyone else unless listed in V23.
REVOKE ALL ON FUNCTION recruiter.sign_in_attempt(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.sign_in(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.sign_out(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.use_session(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.resolve_session() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.session_user_id() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.session_employer_id() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.session_company_id() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.session_job_ids() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.session_role() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.session_profile() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.add_hiring_manager(integer, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.create_client_login(text, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.client_logins() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.refresh_candidate_search(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.rebuild_company_candidates() FROM PUBLIC;

-- IT's counterpart to create_client_login: drops NAME only if it is a client login (a member of recruiter_app,
-- not a superuser). Client logins own nothing, so nothing else goes with them.
CREATE OR REPLACE FUNCTION recruiter.drop_client_login(login_name text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login_name) THEN
        RETURN false;
    END IF;
    IF login_name = 'recruiter_app' OR NOT pg_has_role(login_name, 'recruiter_app', 'MEMBER')
       OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = login_name) THEN
        RAISE EXCEPTION '% is not an IntoWork Recruiter client login; it was left alone.', login_name
            USING ERRCODE = 'raise_exception';
    END IF;
    EXECUTE format('DROP ROLE %I', login_name);
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION recruiter.drop_client_login(text) FROM PUBLIC;

-- Housekeeping for `maintain`: desktop sessions that ended (expired or revoked) more than 30 days ago, and
-- sign-in failure counts that are no longer locking anything and were forgotten anyway (older than a day).
-- Recent ended sessions are kept for a month so IT can see who signed in from where.
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
    DELETE FROM recruiter.sign_in_attempts a
     WHERE coalesce(a.locked_until, '-infinity') < now() AND a.last_failed_at < now() - interval '1 day';
    RETURN sessions;
END
$$;
REVOKE ALL ON FUNCTION recruiter.purge_client_sessions() FROM PUBLIC;
