-- V42: a live board (issue 20, decision 0021). Every change to an application, by any writer (the desktop
-- client, the web platform's plain SQL, an offline replay), and every notification to an employer leaves a row
-- in an append-only event table, written by triggers, and wakes the listeners of the company's channel with
-- pg_notify. The client reads the events through one SECURITY DEFINER function that filters them to the jobs the
-- signed-in person may see, and then re-reads what changed under row-level security.
--
-- For the web platform: its writes to job_applications and notifications each gain one row in
-- recruiter.change_events (a sequence value, an HMAC, a PK probe of jobs, a probe of job_hiring_managers) and
-- one pg_notify, deduplicated per transaction and channel by PostgreSQL (a bulk update of 10,000 rows sends one
-- wake-up per company). Nothing it reads or writes changes otherwise.
--
-- 1. recruiter.change_events: id (bigserial: the clients' cursor), company, job, application, version, kind
--    (added, moved, changed, removed, notification), the status, the acting person (the session's, else
--    recruiter.actor_user_id, else NULL for the platform), the recipient of a notification, and next_xid, a
--    bound on the transaction ids assigned when the row was written, which lets a reader tell a gap in the ids
--    left by a transaction still running (wait for it) from one left by a rollback (skip it). Never granted to
--    recruiter_app. `maintain` deletes rows older than 7 days (recruiter.prune_change_events).
-- 2. recruiter.live_secret: one random 32-byte secret, readable only by the functions below (owner). Channel names
--    are 'iw_' || the first 40 hex digits of HMAC-SHA256(secret, 'company:ID' or 'job:ID'): 160 bits, so a client
--    cannot derive or guess another company's. Rotating it: UPDATE the row; clients take the new names at their
--    next sign-in (or at once on a reconnect).
-- 3. recruiter.live_channels(): the channels of the signed-in person: the company's, and for the jobs they manage
--    as a hiring manager outside their company, one per job (a job channel is notified only for jobs that have
--    hiring managers). Raises IW401 without a valid session.
-- 4. recruiter.live_events(after text, job integer, max_rows integer): the events after a cursor the caller may
--    see (their company's jobs, the jobs they manage; notifications only their own), then one row of kind
--    'cursor'. Cursors are opaque tokens (AES of the id under a key derived from the secret): the ids are global,
--    and their gaps would tell a client how busy other companies are. A NULL cursor returns only the current
--    head. The cursor never passes a gap whose transaction may still commit (status 'held': ask again shortly;
--    the events after the gap are returned at once, and again until the gap settles); a gap older than 60 s is
--    passed whatever (a writer that keeps its transaction open that long after the
--    change is rare; see decision 0021 for what is then missed).
--
-- Runs outside a transaction (see the .conf file): the triggers go through recruiter.apply_ddl.
-- Re-runnable: IF NOT EXISTS, CREATE OR REPLACE, ON CONFLICT DO NOTHING.

-- 1. The events ----------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS recruiter.change_events (
    id                bigserial   PRIMARY KEY,
    company_id        integer,
    job_id            integer,
    application_id    integer,
    version           integer,
    kind              text        NOT NULL,
    status            public.applicationstatus,
    actor_user_id     integer,
    recipient_user_id integer,
    next_xid          xid8        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- pruning by age: a BRIN index costs next to nothing on an append-only table
CREATE INDEX IF NOT EXISTS ix_change_events_created_at ON recruiter.change_events USING brin (created_at);
COMMENT ON TABLE recruiter.change_events IS
    'What changed, for the live board (decision 0021): written by triggers, read through '
    'recruiter.live_events(), pruned by recruiter.prune_change_events(). Never granted to recruiter_app.';
ALTER TABLE recruiter.change_events ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON recruiter.change_events FROM PUBLIC;
REVOKE ALL ON recruiter.change_events FROM recruiter_app;
REVOKE ALL ON SEQUENCE recruiter.change_events_id_seq FROM PUBLIC;
REVOKE ALL ON SEQUENCE recruiter.change_events_id_seq FROM recruiter_app;

-- 2. The secret ----------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS recruiter.live_secret (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    secret   bytea   NOT NULL DEFAULT recruiter.gen_random_bytes(32)
);
INSERT INTO recruiter.live_secret (only_row) VALUES (true) ON CONFLICT DO NOTHING;
ALTER TABLE recruiter.live_secret ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON recruiter.live_secret FROM PUBLIC;
REVOKE ALL ON recruiter.live_secret FROM recruiter_app;

CREATE OR REPLACE FUNCTION recruiter.live_channel(scope text, scope_id integer) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT 'iw_' || left(encode(recruiter.hmac(convert_to(scope || ':' || scope_id, 'UTF8'), s.secret, 'sha256'),
                                'hex'), 40)
      FROM recruiter.live_secret s
$$;
REVOKE ALL ON FUNCTION recruiter.live_channel(text, integer) FROM PUBLIC;

-- The cursor token: one AES block, the id then eight zero bytes (a token not made here decodes to NULL).
CREATE OR REPLACE FUNCTION recruiter.live_cursor_key() RETURNS bytea
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT substring(sha256(s.secret || convert_to('cursor', 'UTF8')) FROM 1 FOR 16) FROM recruiter.live_secret s
$$;
REVOKE ALL ON FUNCTION recruiter.live_cursor_key() FROM PUBLIC;

CREATE OR REPLACE FUNCTION recruiter.live_cursor_token(event_id bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT encode(recruiter.encrypt(int8send(event_id) || '\x0000000000000000'::bytea,
                                    recruiter.live_cursor_key(), 'aes-ecb/pad:none'), 'hex')
$$;
REVOKE ALL ON FUNCTION recruiter.live_cursor_token(bigint) FROM PUBLIC;

CREATE OR REPLACE FUNCTION recruiter.live_cursor_id(token text) RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    plain bytea;
BEGIN
    IF token IS NULL OR token !~ '^[0-9a-f]{32}$' THEN
        RETURN NULL;
    END IF;
    plain := recruiter.decrypt(decode(token, 'hex'), recruiter.live_cursor_key(), 'aes-ecb/pad:none');
    IF substring(plain FROM 9 FOR 8) <> '\x0000000000000000'::bytea THEN
        RETURN NULL;
    END IF;
    -- the first eight bytes, big-endian, as int8send wrote them
    RETURN ('x' || encode(substring(plain FROM 1 FOR 8), 'hex'))::bit(64)::bigint;
END
$$;
REVOKE ALL ON FUNCTION recruiter.live_cursor_id(text) FROM PUBLIC;

-- The triggers ------------------------------------------------------------------------------------------------

-- One row and one wake-up per changed application. next_xid bounds the transaction ids that could hold a smaller
-- event id: a writer has its xid before its AFTER trigger takes nextval(). The snapshot's xmax alone is not such a
-- bound (PostgreSQL makes it the latest *completed* xid + 1: a transaction that got its xid after that and is still
-- running is above it), hence also the writer's own xid + 1, which covers every transaction that wrote after the
-- last completed one and before this one (decision 0021 says what remains: a writer whose xid came from an earlier
-- statement of a long transaction).
CREATE OR REPLACE FUNCTION recruiter.live_next_xid() RETURNS xid8
    LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT greatest(pg_snapshot_xmax(pg_current_snapshot()),
                    (pg_current_xact_id()::text::bigint + 1)::text::xid8)
$$;
REVOKE ALL ON FUNCTION recruiter.live_next_xid() FROM PUBLIC;

CREATE OR REPLACE FUNCTION recruiter.record_change_event() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    app_id  integer;
    job     integer;
    ver     integer;
    st      public.applicationstatus;
    what    text;
    company integer;
    new_id  bigint;
BEGIN
    -- a bulk load (seed, V40) has no one watching: clients read what it loaded when they open it
    IF recruiter.bulk_load_deferred() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        app_id := OLD.id; job := OLD.job_id; ver := OLD.version; st := OLD.status; what := 'removed';
    ELSE
        app_id := NEW.id; job := NEW.job_id; ver := NEW.version; st := NEW.status;
        IF TG_OP = 'INSERT' THEN
            what := 'added';
        ELSIF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN
            what := 'removed';
        ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
            what := 'moved';
        ELSIF NEW.version IS NOT DISTINCT FROM OLD.version AND NEW.job_id = OLD.job_id
              AND NEW.deleted_at IS NOT DISTINCT FROM OLD.deleted_at THEN
            -- nothing a client shows changed (an update of nothing, or of columns the version ignores)
            RETURN NULL;
        ELSE
            what := 'changed';
        END IF;
    END IF;
    SELECT j.company_id INTO company FROM public.jobs j WHERE j.id = job;
    new_id := nextval('recruiter.change_events_id_seq');
    INSERT INTO recruiter.change_events (id, company_id, job_id, application_id, version, kind, status,
                                         actor_user_id, next_xid)
    VALUES (new_id, company, job, app_id, ver, what, st, recruiter.current_actor_user_id(),
            recruiter.live_next_xid());
    IF company IS NOT NULL THEN
        PERFORM pg_notify(recruiter.live_channel('company', company), '');
    END IF;
    IF EXISTS (SELECT 1 FROM recruiter.job_hiring_managers m WHERE m.job_id = job) THEN
        PERFORM pg_notify(recruiter.live_channel('job', job), '');
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.record_change_event() FROM PUBLIC;

-- A notification to an employer (the inbox badge): candidates' notifications, most of them, stop at the users
-- probe.
CREATE OR REPLACE FUNCTION recruiter.record_notification_event() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    company integer;
    new_id  bigint;
BEGIN
    IF recruiter.bulk_load_deferred() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.is_read IS NOT DISTINCT FROM OLD.is_read THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.users u WHERE u.id = NEW.user_id AND u.role = 'EMPLOYER') THEN
        RETURN NULL;
    END IF;
    SELECT e.company_id INTO company FROM public.employers e WHERE e.user_id = NEW.user_id LIMIT 1;
    new_id := nextval('recruiter.change_events_id_seq');
    INSERT INTO recruiter.change_events (id, company_id, job_id, application_id, kind, actor_user_id,
                                         recipient_user_id, next_xid)
    VALUES (new_id, company, NEW.related_job_id, NEW.related_application_id, 'notification',
            recruiter.current_actor_user_id(), NEW.user_id, recruiter.live_next_xid());
    IF company IS NOT NULL THEN
        PERFORM pg_notify(recruiter.live_channel('company', company), '');
    ELSIF NEW.related_job_id IS NOT NULL THEN
        PERFORM pg_notify(recruiter.live_channel('job', NEW.related_job_id), '');
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.record_notification_event() FROM PUBLIC;

-- 3. The signed-in person's channels ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION recruiter.live_channels() RETURNS SETOF text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    company integer := recruiter.session_company_id();
BEGIN
    IF recruiter.session_user_id() IS NULL THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.'
            USING ERRCODE = 'IW401', HINT = 'Sign in again.';
    END IF;
    IF company IS NOT NULL THEN
        RETURN NEXT recruiter.live_channel('company', company);
    END IF;
    RETURN QUERY
        SELECT recruiter.live_channel('job', j.id)
          FROM public.jobs j
         WHERE j.id = ANY (recruiter.session_job_ids())
           AND j.company_id IS DISTINCT FROM company
         ORDER BY j.id;
END
$$;
REVOKE ALL ON FUNCTION recruiter.live_channels() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.live_channels() TO recruiter_app;

-- 4. Reading the events ----------------------------------------------------------------------------------------

-- Scans at most max_rows events of every company after the cursor (the primary key's range), returns those the
-- caller may see, and ends with the cursor row: event_id is the token to pass next time; status says 'held'
-- (a gap may still fill: ask again shortly; the events after the gap were returned and will be again), 'more'
-- (max_rows were scanned: ask again now) or 'done'.
CREATE OR REPLACE FUNCTION recruiter.live_events(after text, job integer, max_rows integer)
    RETURNS TABLE (event_id text, kind text, job_id integer, application_id integer, version integer,
                   status text, actor_user_id integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me        integer := recruiter.session_user_id();
    company   integer;
    managed   integer[];
    after_id  bigint;
    safe      bigint;
    expected  bigint;
    running   xid8[];
    scanned   integer := 0;
    outcome   text := 'done';
    e         record;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.'
            USING ERRCODE = 'IW401', HINT = 'Sign in again.';
    END IF;
    company := recruiter.session_company_id();
    managed := recruiter.session_job_ids();
    max_rows := least(greatest(coalesce(max_rows, 500), 1), 5000);
    after_id := recruiter.live_cursor_id(after);
    IF after IS NOT NULL AND after_id IS NULL THEN
        RAISE EXCEPTION 'This live-board cursor was not made by this server.' USING ERRCODE = '22023';
    END IF;
    IF after_id IS NULL THEN
        -- the head: a little before the newest id, then the walk below passes what has settled; it returns no
        -- events, so it may walk all of those 1,000 at once (with the caller's max_rows it stopped short, and the
        -- caller's next read replayed old events as new: found by attacking it on the demo data)
        SELECT greatest(coalesce(max(c.id), 0) - 1000, 0) INTO after_id FROM recruiter.change_events c;
        max_rows := 5000;
    END IF;
    running := ARRAY(SELECT pg_snapshot_xip(pg_current_snapshot()));
    safe := after_id;
    expected := after_id + 1;
    FOR e IN SELECT c.* FROM recruiter.change_events c WHERE c.id > after_id ORDER BY c.id LIMIT max_rows LOOP
        scanned := scanned + 1;
        IF outcome = 'done' AND e.id > expected AND e.created_at > clock_timestamp() - interval '60 seconds'
           AND EXISTS (SELECT 1 FROM unnest(running) x WHERE x < e.next_xid) THEN
            -- a gap below e whose transaction may still be running: the cursor stays below it, the events after
            -- it are returned all the same (the caller has them again next time and skips them)
            outcome := 'held';
        END IF;
        IF outcome = 'done' THEN
            safe := e.id;
            expected := e.id + 1;
        END IF;
        IF after IS NOT NULL
           AND (live_events.job IS NULL OR e.job_id = live_events.job)
           -- in parentheses: IF's condition would otherwise end at the CASE's THEN
           AND (CASE WHEN e.kind = 'notification' THEN e.recipient_user_id = me
                     ELSE e.company_id = company OR e.job_id = ANY (managed) END) THEN
            event_id := recruiter.live_cursor_token(e.id);
            kind := e.kind;
            job_id := e.job_id;
            application_id := e.application_id;
            version := e.version;
            status := e.status::text;
            actor_user_id := e.actor_user_id;
            RETURN NEXT;
        END IF;
    END LOOP;
    IF outcome = 'done' AND scanned = max_rows THEN
        outcome := 'more';
    END IF;
    event_id := recruiter.live_cursor_token(safe);
    kind := 'cursor';
    job_id := NULL;
    application_id := NULL;
    version := NULL;
    status := outcome;
    actor_user_id := NULL;
    RETURN NEXT;
END
$$;
REVOKE ALL ON FUNCTION recruiter.live_events(text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.live_events(text, integer, integer) TO recruiter_app;

-- Bounded growth: `maintain` keeps 7 days (a client away longer reloads what it shows when it comes back).
CREATE OR REPLACE FUNCTION recruiter.prune_change_events(keep interval DEFAULT interval '7 days') RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    removed bigint;
BEGIN
    DELETE FROM recruiter.change_events c WHERE c.created_at < now() - keep;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION recruiter.prune_change_events(interval) FROM PUBLIC;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_change_event
    AFTER INSERT OR UPDATE OR DELETE ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.record_change_event()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_notification_event
    AFTER INSERT OR UPDATE OF is_read ON public.notifications
    FOR EACH ROW EXECUTE FUNCTION recruiter.record_notification_event()
$ddl$
]);
