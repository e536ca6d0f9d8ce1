-- V58: the sign-in session is resolved once per transaction, not once per policy (issue 16, decision 0032).
--
-- Why, measured on the large data set as the signed-in client: every row-level security policy asks
-- recruiter.session_company_id() or session_job_ids() (V20), each an InitPlan that looked the token up again
-- (client_sessions joined to users and employers, 45-60 us). A statement over several tables with nested policies
-- evaluates 15 to 25 of them: review.application for a hiring manager ran 20 lookups, about 1 ms of its 1.3-1.6 ms.
--
-- Now use_session resolves the session once and keeps the answer in two transaction-local settings:
--   recruiter.session_scope      user|employer|company|expiry (microseconds since 1970)|hiring-manager job ids
--   recruiter.session_scope_mac  a keyed hash of that scope, the token, the transaction's start and the backend
-- The key is 32 random bytes (drawn when this migration runs, so each database has its own) in
-- recruiter.session_scope_key, readable only by this schema's owner. Any setting the
-- client writes itself fails the check (it cannot compute the hash), and so does a genuine pair copied into
-- another transaction or connection (the start time and backend differ): those fall back to the full lookup.
-- The cache serves a transaction's first 10 seconds only, so a session revoked or an account deactivated
-- mid-transaction is refused by the next statement after that at the latest (before: the next statement); the
-- next transaction always looks it up afresh. sign_out clears it.

CREATE TABLE IF NOT EXISTS recruiter.session_scope_key (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    secret   bytea NOT NULL CHECK (length(secret) = 32)
);
INSERT INTO recruiter.session_scope_key (secret)
VALUES (recruiter.gen_random_bytes(32))
ON CONFLICT (only_row) DO NOTHING;
REVOKE ALL ON recruiter.session_scope_key FROM PUBLIC;
REVOKE ALL ON recruiter.session_scope_key FROM recruiter_app;

-- HMAC-SHA256 (pgcrypto, as V20's tokens). The token enters behind its length, so no two different (token, start,
-- backend, scope) give the same message. SQL-standard body: resolved when created, whatever the caller's
-- search_path.
CREATE OR REPLACE FUNCTION recruiter.session_scope_mac(secret bytea, scope text) RETURNS text
    LANGUAGE sql STABLE
RETURN encode(recruiter.hmac(convert_to(concat_ws('|', length(coalesce(current_setting('recruiter.session', true), '')),
                                                  coalesce(current_setting('recruiter.session', true), ''),
                                                  extract(epoch FROM now()), pg_backend_pid(), scope), 'UTF8'),
                             secret, 'sha256'), 'hex');
REVOKE ALL ON FUNCTION recruiter.session_scope_mac(bytea, text) FROM PUBLIC;

-- The scope use_session stored in this transaction, if genuine and younger than 10 seconds; else NULL.
CREATE OR REPLACE FUNCTION recruiter.verified_session_scope() RETURNS text[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scope text := current_setting('recruiter.session_scope', true);
    secret bytea;
BEGIN
    IF coalesce(scope, '') = '' OR clock_timestamp() >= now() + interval '10 seconds' THEN
        RETURN NULL;
    END IF;
    -- the key into a variable, then the check as a plain expression: 14 us a call, against 21 us as one query
    SELECT k.secret INTO secret FROM recruiter.session_scope_key k;
    IF current_setting('recruiter.session_scope_mac', true) = recruiter.session_scope_mac(secret, scope) THEN
        RETURN string_to_array(scope, '|');
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.verified_session_scope() FROM PUBLIC;

-- V20's lookup under its own name: the cache's source and its fallback. The token's hash is computed once, into a
-- variable: written in the WHERE clause it was computed again for each of the 122 sessions of a sequential scan
-- (0.1 ms), as the planner does not take the unique index for so small a table.
CREATE OR REPLACE FUNCTION recruiter.look_up_session(OUT user_id integer, OUT employer_id integer,
                                                     OUT company_id integer, OUT expires_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    hash bytea := sha256(convert_to(nullif(current_setting('recruiter.session', true), ''), 'UTF8'));
BEGIN
    SELECT s.user_id, s.employer_id, e.company_id, s.expires_at
      INTO look_up_session.user_id, look_up_session.employer_id, look_up_session.company_id,
           look_up_session.expires_at
      FROM recruiter.client_sessions s
      JOIN public.users u ON u.id = s.user_id
      JOIN public.employers e ON e.id = s.employer_id AND e.user_id = s.user_id
     WHERE s.token_hash = hash
       AND s.revoked_at IS NULL
       AND s.expires_at > now()
       AND u.is_active IS TRUE
       AND u.role = 'EMPLOYER';
END
$$;
REVOKE ALL ON FUNCTION recruiter.look_up_session() FROM PUBLIC;

CREATE OR REPLACE FUNCTION recruiter.resolve_session(OUT user_id integer, OUT employer_id integer,
                                                     OUT company_id integer, OUT expires_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scope text[] := recruiter.verified_session_scope();
BEGIN
    IF scope IS NULL THEN
        SELECT s.user_id, s.employer_id, s.company_id, s.expires_at
          INTO resolve_session.user_id, resolve_session.employer_id, resolve_session.company_id,
               resolve_session.expires_at
          FROM recruiter.look_up_session() s;
        RETURN;
    END IF;
    user_id := scope[1]::integer;
    employer_id := scope[2]::integer;
    company_id := nullif(scope[3], '')::integer;
    expires_at := timestamptz 'epoch' + scope[4]::bigint * interval '1 microsecond';
END
$$;

-- V20's accessors, reading the verified scope directly (one call fewer than through resolve_session).
CREATE OR REPLACE FUNCTION recruiter.session_user_id() RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scope text[] := recruiter.verified_session_scope();
BEGIN
    RETURN CASE WHEN scope IS NULL THEN (recruiter.look_up_session()).user_id ELSE scope[1]::integer END;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.session_employer_id() RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scope text[] := recruiter.verified_session_scope();
BEGIN
    RETURN CASE WHEN scope IS NULL THEN (recruiter.look_up_session()).employer_id ELSE scope[2]::integer END;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.session_company_id() RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scope text[] := recruiter.verified_session_scope();
BEGIN
    RETURN CASE WHEN scope IS NULL THEN (recruiter.look_up_session()).company_id ELSE nullif(scope[3], '')::integer END;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.session_job_ids() RETURNS integer[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scope text[] := recruiter.verified_session_scope();
    signed_in integer;
BEGIN
    IF scope IS NOT NULL THEN
        RETURN scope[5]::integer[];
    END IF;
    signed_in := (recruiter.look_up_session()).user_id;
    RETURN (SELECT coalesce(array_agg(m.job_id ORDER BY m.job_id), '{}')
              FROM recruiter.job_hiring_managers m
             WHERE m.user_id = signed_in);
END
$$;

-- Looks the session up afresh (never trusting a stored scope) and stores it for the rest of the transaction.
-- Callable by the client through use_session; called directly it only ever stores the client's own session.
CREATE OR REPLACE FUNCTION recruiter.remember_session_scope() RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found record;
    jobs integer[];
    scope text;
BEGIN
    PERFORM set_config('recruiter.session_scope', '', true);
    PERFORM set_config('recruiter.session_scope_mac', '', true);
    SELECT * INTO found FROM recruiter.look_up_session();
    IF found.user_id IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(array_agg(m.job_id ORDER BY m.job_id), '{}') INTO jobs
      FROM recruiter.job_hiring_managers m
     WHERE m.user_id = found.user_id;
    scope := concat_ws('|', found.user_id, found.employer_id, coalesce(found.company_id::text, ''),
                       (extract(epoch FROM found.expires_at) * 1000000)::bigint, jobs::text);
    -- set_config with is_local inside a function whose SET clause names another setting lasts until the end of
    -- the caller's transaction (as recruiter.session in use_session)
    PERFORM set_config('recruiter.session_scope', scope, true);
    PERFORM set_config('recruiter.session_scope_mac', recruiter.session_scope_mac(k.secret, scope), true)
       FROM recruiter.session_scope_key k;
    RETURN found.user_id;
END
$$;
REVOKE ALL ON FUNCTION recruiter.remember_session_scope() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.remember_session_scope() TO recruiter_app;

-- V31's, resolving through remember_session_scope.
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
    signed_in := recruiter.remember_session_scope();
    IF signed_in IS NULL THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.'
            USING ERRCODE = 'IW401', HINT = 'Sign in again.';
    END IF;
    RETURN signed_in;
END
$$;

-- V38's, also forgetting the transaction's stored scope: the statements after a sign-out look the token up again.
CREATE OR REPLACE FUNCTION recruiter.sign_out(token text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    hash    bytea := sha256(convert_to(coalesce(token, ''), 'UTF8'));
    person  integer;
    revoked boolean;
BEGIN
    SELECT s.user_id INTO person
      FROM recruiter.client_sessions s
     WHERE s.token_hash = hash AND s.revoked_at IS NULL AND s.expires_at > now();
    IF person IS NOT NULL THEN
        BEGIN
            UPDATE recruiter.pending_status_notifications p
               SET due_at = clock_timestamp()
             WHERE p.requested_by = person AND p.due_at > clock_timestamp();
            PERFORM recruiter.deliver_due_status_notifications();
        EXCEPTION WHEN OTHERS THEN
            -- signing out must not fail for this: the rows stay due and the next caller delivers them
            RAISE WARNING 'Pending notifications not delivered at sign-out: %', SQLERRM;
        END;
    END IF;
    UPDATE recruiter.client_sessions s
       SET revoked_at = now()
     WHERE s.token_hash = hash AND s.revoked_at IS NULL;
    GET DIAGNOSTICS revoked = ROW_COUNT;
    PERFORM set_config('recruiter.session_scope', '', true);
    PERFORM set_config('recruiter.session_scope_mac', '', true);
    RETURN revoked;
END
$$;
