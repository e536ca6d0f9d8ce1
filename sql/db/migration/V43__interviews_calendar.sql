-- V43: interviews scheduled from the client, a calendar of them, and invitations that calendar programs update
-- (issue 21, points 1-3 and 6 for interviews; decision 0022).
--
-- For the web platform: public.interview_schedules gets one AFTER row trigger (SECURITY DEFINER function below)
-- that keeps two side tables of the client's; it never refuses a write and never changes the platform's row.
-- The rows the client writes are the platform's own shape (shared/reference/platform-json-formats.md):
-- interviewers an array of {"user_id", "name", "email"}, an IANA zone name in timezone, status SCHEDULED first,
-- reminder_sent and confirmation_received false, created_at and updated_at set. Nothing the platform reads
-- changes. The table is the same in every known shape of the platform's schema; the status is written as a
-- literal, so an interviewschedulestatus enum or a plain varchar column both take it.
--
-- 1. recruiter.interview_calendar: one row per interview with its job's company and job, its start and end, its
--    status, and ical_sequence, the RFC 5545 SEQUENCE of its invitation: 0 when created, + 1 on each change of
--    what an invitation says (time, duration, zone, place, link, title, description, interviewers, status), by
--    the client or by the web, so a calendar program always takes the newest invitation over an older one.
--    Indexed by (company_id, starts_at) for a company's day and week, by (job_id, starts_at) for a hiring
--    manager's.
-- 2. recruiter.interview_bookings: one row per interview and interviewer (user id), indexed by (user_id,
--    starts_at): "my interviews" and the check that an interviewer is already booked at that time. The end is
--    capped at a day after the start, so an overlap check only looks one day before the slot it checks.
-- 3. Row-level security: both side tables and interview_schedules are read as applications are, written as a
--    CASE with the company branch first (as V37 did for jobs): the statement's own company_id = $1 drives the
--    index, the hiring manager's branch (job_id = ANY(her jobs)) is the per-row filter of her own statements.
--    interview_schedules is read through its calendar row (one primary-key probe). The client no longer inserts
--    or updates interview_schedules itself (V31's column grants are revoked): it schedules, changes and closes
--    interviews through three SECURITY DEFINER functions that check the application, the interviewers (the job's
--    company's employers and the job's hiring managers) and the values, and write the platform's format (the
--    interviewers' names and e-mail addresses and the candidate's address come from the users table, so they
--    cannot be forged).
--
-- Runs outside a transaction (see the .conf file): the trigger and the policies through recruiter.apply_ddl
-- (short lock waits, retried), the backfill after the trigger exists (ON CONFLICT: a row the trigger wrote
-- meanwhile is kept). Re-runnable.

CREATE TABLE IF NOT EXISTS recruiter.interview_calendar (
    interview_id  integer     PRIMARY KEY,
    company_id    integer,
    job_id        integer     NOT NULL,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    status        text        NOT NULL,
    ical_sequence integer     NOT NULL DEFAULT 0
);
COMMENT ON TABLE recruiter.interview_calendar IS
    'One row per public.interview_schedules row, kept by a trigger: its company and job, time, status and iCalendar SEQUENCE.';
CREATE INDEX IF NOT EXISTS ix_interview_calendar_company ON recruiter.interview_calendar (company_id, starts_at);
CREATE INDEX IF NOT EXISTS ix_interview_calendar_job ON recruiter.interview_calendar (job_id, starts_at);

CREATE TABLE IF NOT EXISTS recruiter.interview_bookings (
    user_id      integer     NOT NULL,
    starts_at    timestamptz NOT NULL,
    interview_id integer     NOT NULL,
    ends_at      timestamptz NOT NULL,
    company_id   integer,
    job_id       integer     NOT NULL,
    active       boolean     NOT NULL,
    PRIMARY KEY (user_id, starts_at, interview_id)
);
COMMENT ON TABLE recruiter.interview_bookings IS
    'One row per interview and interviewer, kept by a trigger: whose time is taken (active: not canceled or completed).';
CREATE INDEX IF NOT EXISTS ix_interview_bookings_interview ON recruiter.interview_bookings (interview_id);

-- The side rows of one interview as it is now (or none, deleted). Tolerant of anything the web may write in
-- interviewers: only elements with an integer user_id count.
CREATE OR REPLACE FUNCTION recruiter.interview_calendar_sync() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    job       record;
    starts    timestamptz;
    ends      timestamptz;
    st        text;
    changed   boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM recruiter.interview_calendar WHERE interview_id = OLD.id;
        DELETE FROM recruiter.interview_bookings WHERE interview_id = OLD.id;
        RETURN NULL;
    END IF;
    SELECT j.id, j.company_id INTO job
      FROM public.job_applications a JOIN public.jobs j ON j.id = a.job_id
     WHERE a.id = NEW.application_id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    starts := NEW.scheduled_at;
    ends := NEW.scheduled_at
            + pg_catalog.make_interval(mins => LEAST(GREATEST(coalesce(NEW.duration_minutes, 60), 1), 1440));
    st := NEW.status::text;
    changed := TG_OP = 'UPDATE' AND (
               NEW.scheduled_at IS DISTINCT FROM OLD.scheduled_at
            OR NEW.duration_minutes IS DISTINCT FROM OLD.duration_minutes
            OR NEW.timezone IS DISTINCT FROM OLD.timezone
            OR NEW.location IS DISTINCT FROM OLD.location
            OR NEW.meeting_link IS DISTINCT FROM OLD.meeting_link
            OR NEW.title IS DISTINCT FROM OLD.title
            OR NEW.description IS DISTINCT FROM OLD.description
            OR NEW.interviewers IS DISTINCT FROM OLD.interviewers
            OR NEW.status::text IS DISTINCT FROM OLD.status::text);
    INSERT INTO recruiter.interview_calendar AS k (interview_id, company_id, job_id, starts_at, ends_at, status,
                                                  ical_sequence)
    VALUES (NEW.id, job.company_id, job.id, starts, ends, st, 0)
    ON CONFLICT (interview_id) DO UPDATE
       SET company_id = EXCLUDED.company_id, job_id = EXCLUDED.job_id, starts_at = EXCLUDED.starts_at,
           ends_at = EXCLUDED.ends_at, status = EXCLUDED.status,
           ical_sequence = k.ical_sequence + CASE WHEN changed THEN 1 ELSE 0 END;
    IF TG_OP = 'INSERT' OR changed THEN
        DELETE FROM recruiter.interview_bookings WHERE interview_id = NEW.id;
        INSERT INTO recruiter.interview_bookings (user_id, starts_at, interview_id, ends_at, company_id, job_id, active)
        SELECT DISTINCT (e ->> 'user_id')::integer, starts, NEW.id, ends, job.company_id, job.id,
               st NOT IN ('CANCELED', 'COMPLETED')
          FROM pg_catalog.jsonb_array_elements(CASE WHEN pg_catalog.jsonb_typeof(NEW.interviewers) = 'array'
                                                    THEN NEW.interviewers ELSE '[]'::jsonb END) e
         WHERE pg_catalog.jsonb_typeof(e) = 'object' AND (e ->> 'user_id') ~ '^[0-9]{1,9}$';
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.interview_calendar_sync() FROM PUBLIC;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
DO $$ BEGIN
    DROP TRIGGER IF EXISTS recruiter_interview_calendar ON public.interview_schedules;
    CREATE TRIGGER recruiter_interview_calendar
        AFTER INSERT OR UPDATE OR DELETE ON public.interview_schedules
        FOR EACH ROW EXECUTE FUNCTION recruiter.interview_calendar_sync();
END $$
$ddl$]);

-- Interviews written before the trigger existed (the platform's): their calendar rows, SEQUENCE 0.
INSERT INTO recruiter.interview_calendar (interview_id, company_id, job_id, starts_at, ends_at, status)
SELECT s.id, j.company_id, j.id, s.scheduled_at,
       s.scheduled_at + pg_catalog.make_interval(mins => LEAST(GREATEST(coalesce(s.duration_minutes, 60), 1), 1440)),
       s.status::text
  FROM public.interview_schedules s
  JOIN public.job_applications a ON a.id = s.application_id
  JOIN public.jobs j ON j.id = a.job_id
ON CONFLICT (interview_id) DO NOTHING;
INSERT INTO recruiter.interview_bookings (user_id, starts_at, interview_id, ends_at, company_id, job_id, active)
SELECT DISTINCT (e ->> 'user_id')::integer, k.starts_at, k.interview_id, k.ends_at, k.company_id, k.job_id,
       k.status NOT IN ('CANCELED', 'COMPLETED')
  FROM recruiter.interview_calendar k
  JOIN public.interview_schedules s ON s.id = k.interview_id
 CROSS JOIN LATERAL pg_catalog.jsonb_array_elements(CASE WHEN pg_catalog.jsonb_typeof(s.interviewers) = 'array'
                                                         THEN s.interviewers ELSE '[]'::jsonb END) e
 WHERE pg_catalog.jsonb_typeof(e) = 'object' AND (e ->> 'user_id') ~ '^[0-9]{1,9}$'
ON CONFLICT DO NOTHING;

ALTER TABLE recruiter.interview_calendar ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.interview_calendar;
CREATE POLICY recruiter_app_read ON recruiter.interview_calendar FOR SELECT TO recruiter_app
    USING (CASE WHEN company_id = (SELECT recruiter.session_company_id()) THEN true
                ELSE job_id = ANY ((SELECT recruiter.session_job_ids())::integer[]) END);
ALTER TABLE recruiter.interview_bookings ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.interview_bookings;
CREATE POLICY recruiter_app_read ON recruiter.interview_bookings FOR SELECT TO recruiter_app
    USING (CASE WHEN company_id = (SELECT recruiter.session_company_id()) THEN true
                ELSE job_id = ANY ((SELECT recruiter.session_job_ids())::integer[]) END);
GRANT SELECT ON recruiter.interview_calendar, recruiter.interview_bookings TO recruiter_app;

-- The platform's table: read through its calendar row; no direct writes by the client any more.
CALL recruiter.apply_ddl(ARRAY[
$ddl$
DO $$ BEGIN
    DROP POLICY IF EXISTS recruiter_app_insert ON public.interview_schedules;
    DROP POLICY IF EXISTS recruiter_app_update ON public.interview_schedules;
    ALTER POLICY recruiter_app_read ON public.interview_schedules
        USING (EXISTS (SELECT 1 FROM recruiter.interview_calendar k
                        WHERE k.interview_id = interview_schedules.id OFFSET 0));
END $$
$ddl$]);
REVOKE INSERT, UPDATE ON public.interview_schedules FROM recruiter_app;
REVOKE INSERT (application_id, created_by_user_id, title, description, location, meeting_link, scheduled_at,
               duration_minutes, timezone, interviewers, candidate_email, status)
    ON public.interview_schedules FROM recruiter_app;
REVOKE UPDATE (title, description, location, meeting_link, scheduled_at, duration_minutes, timezone, interviewers,
               status, updated_at)
    ON public.interview_schedules FROM recruiter_app;
REVOKE USAGE ON SEQUENCE public.interview_schedules_id_seq FROM recruiter_app;

-- The people who may sit on a job's interviews: its company's employers (active accounts) and its hiring
-- managers, with the name and address the platform writes in interviewers. Only for a job the session can see.
CREATE OR REPLACE FUNCTION recruiter.interview_people(p_job_id integer)
    RETURNS TABLE (user_id integer, name text, email text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    WITH job AS (
        SELECT j.id, j.company_id FROM public.jobs j
         WHERE j.id = p_job_id AND j.deleted_at IS NULL
           AND (j.company_id = recruiter.session_company_id() OR j.id = ANY (recruiter.session_job_ids())))
    SELECT u.id,
           coalesce(nullif(btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), ''), u.email)::text,
           u.email::text
      FROM public.users u
     WHERE u.is_active IS NOT FALSE
       AND u.id IN (SELECT e.user_id FROM public.employers e, job WHERE e.company_id = job.company_id
                    UNION
                    SELECT m.user_id FROM recruiter.job_hiring_managers m, job WHERE m.job_id = job.id)
     ORDER BY 2, 1
$$;

-- The interviewers as the platform writes them, in the order given; raises when one is not allowed for the job.
CREATE OR REPLACE FUNCTION recruiter.interviewers_json(p_job_id integer, p_user_ids integer[])
    RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result jsonb;
    wanted integer;
BEGIN
    wanted := coalesce(pg_catalog.cardinality(p_user_ids), 0);
    IF wanted = 0 OR wanted > 20 OR array_position(p_user_ids, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'An interview has 1 to 20 interviewers.' USING ERRCODE = 'IW422';
    END IF;
    SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('user_id', p.user_id, 'name', p.name, 'email', p.email)
                                ORDER BY k.ord)
      INTO result
      FROM (SELECT DISTINCT ON (x.id) x.id, x.ord FROM unnest(p_user_ids) WITH ORDINALITY x(id, ord)
             ORDER BY x.id, x.ord) k
      JOIN recruiter.interview_people(p_job_id) p ON p.user_id = k.id;
    IF coalesce(pg_catalog.jsonb_array_length(result), 0)
       <> (SELECT count(DISTINCT x) FROM unnest(p_user_ids) x) THEN
        RAISE EXCEPTION 'An interviewer must be an employer of the job''s company or one of its hiring managers.'
            USING ERRCODE = 'IW422';
    END IF;
    RETURN result;
END
$$;

-- The checks shared by scheduling and rescheduling; raises IW422 with the sentence the user reads.
CREATE OR REPLACE FUNCTION recruiter.check_interview_values(p_title text, p_scheduled_at timestamptz,
                                                           p_duration integer, p_timezone text, p_location text,
                                                           p_meeting_link text, p_description text)
    RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_title IS NULL OR pg_catalog.btrim(p_title) = '' OR pg_catalog.length(p_title) > 200 THEN
        RAISE EXCEPTION 'An interview''s title has 1 to 200 characters.' USING ERRCODE = 'IW422';
    END IF;
    IF p_scheduled_at IS NULL OR p_scheduled_at < pg_catalog.now() - interval '1 year'
       OR p_scheduled_at > pg_catalog.now() + interval '3 years' THEN
        RAISE EXCEPTION 'An interview takes place between a year ago and three years from now.' USING ERRCODE = 'IW422';
    END IF;
    IF p_duration IS NULL OR p_duration < 5 OR p_duration > 720 THEN
        RAISE EXCEPTION 'An interview lasts 5 minutes to 12 hours.' USING ERRCODE = 'IW422';
    END IF;
    IF p_timezone IS NULL OR p_timezone !~ '^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$' THEN
        RAISE EXCEPTION 'The time zone must be a zone name such as Africa/Libreville.' USING ERRCODE = 'IW422';
    END IF;
    BEGIN
        PERFORM pg_catalog.timezone(p_timezone, pg_catalog.now());
    EXCEPTION WHEN invalid_parameter_value THEN
        RAISE EXCEPTION 'The time zone must be a zone name such as Africa/Libreville.' USING ERRCODE = 'IW422';
    END;
    IF pg_catalog.length(p_location) > 500 OR pg_catalog.length(p_description) > 5000 THEN
        RAISE EXCEPTION 'A place has at most 500 characters, a description at most 5,000.' USING ERRCODE = 'IW422';
    END IF;
    IF p_meeting_link IS NOT NULL AND (pg_catalog.length(p_meeting_link) > 2000
                                       OR p_meeting_link !~* '^https?://[^\s]+$') THEN
        RAISE EXCEPTION 'A meeting link is a web address starting with https://.' USING ERRCODE = 'IW422';
    END IF;
    IF nullif(pg_catalog.btrim(p_location), '') IS NULL AND p_meeting_link IS NULL THEN
        RAISE EXCEPTION 'An interview needs a place or a meeting link.' USING ERRCODE = 'IW422';
    END IF;
END
$$;

-- One interview of the session's person for an application they can write to, as the web writes one.
CREATE OR REPLACE FUNCTION recruiter.schedule_interview(p_application_id integer, p_title text,
                                                       p_scheduled_at timestamptz, p_duration integer,
                                                       p_timezone text, p_location text, p_meeting_link text,
                                                       p_description text, p_interviewers integer[])
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    author integer := recruiter.session_user_id();
    app    public.job_applications;
    people jsonb;
    email  text;
    new_id integer;
BEGIN
    IF author IS NULL THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.' USING ERRCODE = 'IW401', HINT = 'Sign in again.';
    END IF;
    app := recruiter.writable_application(p_application_id);
    PERFORM recruiter.check_interview_values(p_title, p_scheduled_at, p_duration, p_timezone, p_location,
                                             nullif(pg_catalog.btrim(p_meeting_link), ''), p_description);
    people := recruiter.interviewers_json(app.job_id, p_interviewers);
    SELECT u.email INTO email FROM public.candidates c JOIN public.users u ON u.id = c.user_id
     WHERE c.id = app.candidate_id;
    IF email IS NULL THEN
        RAISE EXCEPTION 'This candidate has no e-mail address to invite.' USING ERRCODE = 'IW422';
    END IF;
    INSERT INTO public.interview_schedules (application_id, created_by_user_id, title, description, location,
                                            meeting_link, scheduled_at, duration_minutes, timezone, interviewers,
                                            candidate_email, status, reminder_sent, confirmation_received,
                                            created_at, updated_at)
    VALUES (app.id, author, pg_catalog.btrim(p_title), nullif(pg_catalog.btrim(p_description), ''),
            nullif(pg_catalog.btrim(p_location), ''), nullif(pg_catalog.btrim(p_meeting_link), ''), p_scheduled_at,
            p_duration, p_timezone, people, email, 'SCHEDULED', false, false, pg_catalog.now(), pg_catalog.now())
    RETURNING id INTO new_id;
    RETURN new_id;
END
$$;

-- The interview, if the session may change it (an application it can write to), locked; IW404 otherwise, IW409
-- when its invitation changed since the caller read it (another person, or the web, changed it meanwhile).
CREATE OR REPLACE FUNCTION recruiter.writable_interview(p_interview_id integer, p_expected_sequence integer)
    RETURNS public.interview_schedules
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found_row public.interview_schedules;
    seq       integer;
BEGIN
    SELECT s.* INTO found_row
      FROM public.interview_schedules s
      JOIN public.job_applications a ON a.id = s.application_id AND a.deleted_at IS NULL
      JOIN public.jobs j ON j.id = a.job_id
     WHERE s.id = p_interview_id
       AND (j.company_id = recruiter.session_company_id() OR j.id = ANY (recruiter.session_job_ids()))
       FOR NO KEY UPDATE OF s;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'This interview is not visible to you (removed, or not one of your jobs).' USING ERRCODE = 'IW404';
    END IF;
    SELECT k.ical_sequence INTO seq FROM recruiter.interview_calendar k WHERE k.interview_id = p_interview_id;
    IF seq IS DISTINCT FROM p_expected_sequence THEN
        RAISE EXCEPTION 'This interview was changed meanwhile; it is shown again as it is now.' USING ERRCODE = 'IW409';
    END IF;
    IF found_row.status::text IN ('CANCELED', 'COMPLETED') THEN
        RAISE EXCEPTION 'This interview is canceled or done; schedule a new one instead.' USING ERRCODE = 'IW422';
    END IF;
    RETURN found_row;
END
$$;

-- New time, place or people: status RESCHEDULED when the time moved (as the web does), else unchanged. Returns
-- the invitation's new SEQUENCE.
CREATE OR REPLACE FUNCTION recruiter.reschedule_interview(p_interview_id integer, p_expected_sequence integer,
                                                         p_title text, p_scheduled_at timestamptz,
                                                         p_duration integer, p_timezone text, p_location text,
                                                         p_meeting_link text, p_description text,
                                                         p_interviewers integer[])
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    row    public.interview_schedules;
    job    integer;
    people jsonb;
    result integer;
BEGIN
    IF recruiter.session_user_id() IS NULL THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.' USING ERRCODE = 'IW401', HINT = 'Sign in again.';
    END IF;
    row := recruiter.writable_interview(p_interview_id, p_expected_sequence);
    PERFORM recruiter.check_interview_values(p_title, p_scheduled_at, p_duration, p_timezone, p_location,
                                             nullif(pg_catalog.btrim(p_meeting_link), ''), p_description);
    SELECT a.job_id INTO job FROM public.job_applications a WHERE a.id = row.application_id;
    people := recruiter.interviewers_json(job, p_interviewers);
    -- one UPDATE, so the invitation's SEQUENCE moves once; the CASE takes the column's own type (enum or varchar)
    UPDATE public.interview_schedules
       SET status = CASE WHEN scheduled_at IS DISTINCT FROM p_scheduled_at THEN 'RESCHEDULED' ELSE status END,
           title = pg_catalog.btrim(p_title), description = nullif(pg_catalog.btrim(p_description), ''),
           location = nullif(pg_catalog.btrim(p_location), ''),
           meeting_link = nullif(pg_catalog.btrim(p_meeting_link), ''), scheduled_at = p_scheduled_at,
           duration_minutes = p_duration, timezone = p_timezone, interviewers = people, updated_at = pg_catalog.now()
     WHERE id = row.id;
    SELECT k.ical_sequence INTO result FROM recruiter.interview_calendar k WHERE k.interview_id = row.id;
    RETURN result;
END
$$;

-- Confirmed, canceled or done, with the platform's statuses. Returns the invitation's new SEQUENCE.
CREATE OR REPLACE FUNCTION recruiter.set_interview_status(p_interview_id integer, p_expected_sequence integer,
                                                         p_status text)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    row    public.interview_schedules;
    result integer;
BEGIN
    IF recruiter.session_user_id() IS NULL THEN
        RAISE EXCEPTION 'The sign-in session has expired or was ended.' USING ERRCODE = 'IW401', HINT = 'Sign in again.';
    END IF;
    IF p_status IS NULL OR p_status NOT IN ('CONFIRMED', 'CANCELED', 'COMPLETED') THEN
        RAISE EXCEPTION 'An interview is confirmed, canceled or marked done.' USING ERRCODE = 'IW422';
    END IF;
    row := recruiter.writable_interview(p_interview_id, p_expected_sequence);
    IF row.status::text = p_status THEN
        RETURN p_expected_sequence;
    END IF;
    -- a literal per status: the column takes it whether it is the enum or a plain varchar
    IF p_status = 'CANCELED' THEN
        UPDATE public.interview_schedules SET status = 'CANCELED', updated_at = pg_catalog.now() WHERE id = row.id;
    ELSIF p_status = 'COMPLETED' THEN
        UPDATE public.interview_schedules SET status = 'COMPLETED', updated_at = pg_catalog.now() WHERE id = row.id;
    ELSE
        UPDATE public.interview_schedules SET status = 'CONFIRMED', updated_at = pg_catalog.now() WHERE id = row.id;
    END IF;
    SELECT k.ical_sequence INTO result FROM recruiter.interview_calendar k WHERE k.interview_id = row.id;
    RETURN result;
END
$$;

REVOKE ALL ON FUNCTION recruiter.interview_people(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.interviewers_json(integer, integer[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.check_interview_values(text, timestamptz, integer, text, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.writable_interview(integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.schedule_interview(integer, text, timestamptz, integer, text, text, text, text,
                                                   integer[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.reschedule_interview(integer, integer, text, timestamptz, integer, text, text, text,
                                                     text, integer[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.set_interview_status(integer, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.interview_people(integer) TO recruiter_app;
GRANT EXECUTE ON FUNCTION recruiter.schedule_interview(integer, text, timestamptz, integer, text, text, text, text,
                                                      integer[]) TO recruiter_app;
GRANT EXECUTE ON FUNCTION recruiter.reschedule_interview(integer, integer, text, timestamptz, integer, text, text,
                                                        text, text, integer[]) TO recruiter_app;
GRANT EXECUTE ON FUNCTION recruiter.set_interview_status(integer, integer, text) TO recruiter_app;
