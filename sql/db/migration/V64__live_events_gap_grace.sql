-- V64: the live board's reader holds every gap below an event of the last 5 seconds (decision 0021's known limit).
--
-- Why: an event's next_xid bounds the transaction ids that could hold a smaller event id by the snapshot's xmax
-- and the writer's own xid + 1. A writer whose xid came from an earlier statement of its transaction, and which
-- writes its event after a younger transaction (a larger xid, still running) took a smaller event id, records a
-- bound below that younger xid; when the older one commits first, the reader took the gap for a rollback, passed
-- it, and the younger transaction's event was never read (until the next reload). LiveBoardTest reproduces it:
-- the notification of the younger transaction was lost, and is heard with this change.
--
-- A younger transaction commits after the older one's event was written; holding every gap for 5 s after the
-- event above it covers a commit within 5 s of that moment (a platform request's transaction normally ends
-- within milliseconds of its writes). What it costs: a rolled-back write's gap keeps readers' cursors below it
-- for 5 s, during which each read returns the events after it again (the client hands each on once), as a gap
-- below a running transaction's bound already did for up to 60 s.

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
           AND (e.created_at > clock_timestamp() - interval '5 seconds'
                OR EXISTS (SELECT 1 FROM unnest(running) x WHERE x < e.next_xid)) THEN
            -- a gap below e whose transaction may still be running: the cursor stays below it, the events after
            -- it are returned all the same (the caller has them again next time and skips them). Any gap below an
            -- event of the last 5 s counts as one: next_xid cannot see a younger transaction, still running, that
            -- took the smaller id before an older one (its xid from an earlier statement) wrote e (V64).
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
