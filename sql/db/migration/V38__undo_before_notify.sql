-- V38: the candidate is told of a move only once the undo window has passed; hiring managers are told of what
-- concerns their jobs (issue 19, items 3 and 9; decision 0018).
--
-- For the web platform: nothing it does changes. Its status changes are recorded as before and it keeps
-- writing its own notifications. Two things are added to its writes on job_applications: the status trigger
-- (V10, one function, replaced here) deletes a desktop move's pending notification when the platform changes
-- that application's status itself (an index probe of a small table), and a new trigger writes a notification
-- for each hiring manager of the job on an INSERT, and on an UPDATE OF notes or recruiter_notes (a probe of
-- recruiter.job_hiring_managers: nothing more for a job without hiring managers); before a hard DELETE of an
-- application or a job, the hiring managers' notifications stop pointing at it, so the delete succeeds or fails
-- exactly as before.
--
-- 1. recruiter.pending_status_notifications: one row per application a desktop client moved and whose candidate
--    has not been told yet. Written by the status trigger (not by the client: a client cannot skip it), for
--    status changes made under a desktop sign-in session only:
--        first move    from_status = the status before it, to_status = after, due_at = now + the undo window
--        further moves to_status = the latest, due_at pushed to now + the window (never past first_at + 15 min)
--    The undo window is the transaction-local setting recruiter.undo_window_seconds (the client sets it in the
--    move's own statement; 0 to 300, default 10).
-- 2. recruiter.deliver_due_status_notifications(): any signed-in client calls it (after its own moves, every
--    half minute, at sign-in); it takes the due rows (FOR UPDATE SKIP LOCKED: two callers never take the same row,
--    no caller waits), deletes them and, in the same statement, writes the platform's STATUS_CHANGE notification
--    for those whose final status differs from the first one's start: a chain of moves is one message with the
--    final status, an undo back to the start is none. So delivery does not depend on the client that moved
--    surviving: any other session (of any company) or `maintain` delivers it, exactly once. It returns nothing
--    and reads nothing the caller could see.
-- 3. recruiter.sign_out(token) first delivers what the session's person still has pending (they can no longer
--    undo it): a clean close or sign-out flushes.
-- 4. recruiter.notify_status_change (V31) writes nothing any more (the trigger schedules every desktop move); it
--    stays, returning no rows, so a client of the previous version keeps working during an upgrade.
-- 5. The message names the status in words ("… a été mise à jour: présélectionnée"), the platform's title per
--    status unchanged.
-- 6. Hiring managers (users in recruiter.job_hiring_managers) get, for the jobs they were added to:
--        NEW_APPLICATION "📝 Nouvelle candidature reçue" / "{prénom} {nom} a postulé pour le poste de {titre}"
--        MESSAGE "💬 Nouvelle note sur une candidature" / "{auteur} a ajouté une note sur la candidature de
--            {candidat} pour le poste de {titre}", when another person adds a note (an element appended to
--            recruiter_notes, or the notes text changed), unless an unread one for that application waits already.
--            The author is the desktop session's person (never what the note's JSON claims), else, for the
--            platform, the appended element's user_id; the name is read from users.
--
-- Runs outside a transaction (see the .conf file): the triggers on job_applications go through
-- recruiter.apply_ddl. Re-runnable: IF NOT EXISTS, CREATE OR REPLACE.

-- 1. Pending notifications ---------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS recruiter.pending_status_notifications (
    application_id integer                  PRIMARY KEY,
    from_status    public.applicationstatus NOT NULL,
    to_status      public.applicationstatus NOT NULL,
    requested_by   integer                  NOT NULL,
    first_at       timestamptz              NOT NULL,
    due_at         timestamptz              NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_pending_status_notifications_due ON recruiter.pending_status_notifications (due_at);
COMMENT ON TABLE recruiter.pending_status_notifications IS
    'Candidates'' status notifications of desktop moves still inside their undo window (decision 0018). Written '
    'by the status trigger, delivered by recruiter.deliver_due_status_notifications(). Never granted to '
    'recruiter_app.';
-- No policy: the client has no privilege on it; row-level security on, like every table of the schema, so a
-- grant added by mistake still shows no row.
ALTER TABLE recruiter.pending_status_notifications ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON recruiter.pending_status_notifications FROM PUBLIC;
REVOKE ALL ON recruiter.pending_status_notifications FROM recruiter_app;

-- 5. The platform's wording ----------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION recruiter.status_notification_title(status public.applicationstatus) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE status::text
               WHEN 'viewed' THEN '👁️ Votre candidature a été vue'
               WHEN 'shortlisted' THEN '⭐ Vous avez été présélectionné(e)'
               WHEN 'interview' THEN '🎯 Vous êtes convoqué(e) en entretien'
               WHEN 'accepted' THEN '🎉 Félicitations! Votre candidature a été acceptée'
               WHEN 'rejected' THEN '❌ Votre candidature n''a pas été retenue'
               ELSE '📬 Mise à jour de votre candidature'
           END
$$;
REVOKE ALL ON FUNCTION recruiter.status_notification_title(public.applicationstatus) FROM PUBLIC;

-- The status as the candidate reads it, of "votre candidature" (feminine); the platform writes the raw label.
CREATE OR REPLACE FUNCTION recruiter.status_wording(status public.applicationstatus) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE status::text
               WHEN 'applied' THEN 'reçue, en attente d''examen'
               WHEN 'viewed' THEN 'vue par le recruteur'
               WHEN 'shortlisted' THEN 'présélectionnée'
               WHEN 'interview' THEN 'retenue pour un entretien'
               WHEN 'accepted' THEN 'acceptée'
               WHEN 'rejected' THEN 'non retenue'
               ELSE status::text
           END
$$;
REVOKE ALL ON FUNCTION recruiter.status_wording(public.applicationstatus) FROM PUBLIC;

-- 1. The status trigger: history as before (V20), plus the pending notification --------------------------------

-- One function for both, so the session is resolved once per changed row. The actor is what
-- recruiter.current_actor_user_id() says (the session's person, else recruiter.actor_user_id for scripts);
-- only a session schedules a notification.
CREATE OR REPLACE FUNCTION recruiter.record_application_status_event() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    has_session boolean := nullif(current_setting('recruiter.session', true), '') IS NOT NULL;
    raw_actor   text := nullif(btrim(current_setting('recruiter.actor_user_id', true)), '');
    signed_in   integer;
    actor       integer;
    raw_window  text;
    undo_window integer := 10;
    moved_at    timestamptz;
BEGIN
    IF has_session THEN
        signed_in := recruiter.session_user_id();
    END IF;
    actor := coalesce(signed_in, CASE WHEN raw_actor ~ '^[0-9]{1,9}$' THEN raw_actor::integer END);
    IF TG_OP = 'INSERT' THEN
        INSERT INTO recruiter.application_status_events
               (application_id, from_status, to_status, changed_at, changed_by, source)
        VALUES (NEW.id, NULL, NEW.status, coalesce(NEW.applied_at, now()), actor, 'insert');
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
        moved_at := clock_timestamp();
        INSERT INTO recruiter.application_status_events
               (application_id, from_status, to_status, changed_at, changed_by, source)
        VALUES (NEW.id, OLD.status, NEW.status, moved_at, actor,
                CASE WHEN has_session OR raw_actor IS NOT NULL THEN 'client' ELSE 'platform' END);
        IF signed_in IS NOT NULL THEN
            raw_window := btrim(current_setting('recruiter.undo_window_seconds', true));
            IF raw_window ~ '^[0-9]{1,6}$' THEN
                undo_window := least(raw_window::integer, 300);
            END IF;
            INSERT INTO recruiter.pending_status_notifications AS p
                   (application_id, from_status, to_status, requested_by, first_at, due_at)
            VALUES (NEW.id, OLD.status, NEW.status, signed_in, moved_at,
                    moved_at + make_interval(secs => undo_window))
            ON CONFLICT (application_id) DO UPDATE
               SET to_status = excluded.to_status, requested_by = excluded.requested_by,
                   due_at = least(excluded.due_at, p.first_at + interval '15 minutes');
        ELSIF NOT has_session AND raw_actor IS NULL THEN
            -- the platform changed it and tells the candidate itself: a desktop move's message would come late
            -- and out of order
            DELETE FROM recruiter.pending_status_notifications p WHERE p.application_id = NEW.id;
        END IF;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.record_application_status_event() FROM PUBLIC;

-- 2. Delivery -----------------------------------------------------------------------------------------------

-- Takes at most 10,000 due rows per call (a bulk move of more is delivered by the next calls). Deleting and
-- writing in one statement: the rows leave the table exactly when their messages are written.
CREATE OR REPLACE FUNCTION recruiter.deliver_due_status_notifications() RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET lock_timeout = '2s'
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM recruiter.pending_status_notifications p WHERE p.due_at <= clock_timestamp()) THEN
        RETURN;
    END IF;
    WITH due AS (
        SELECT p.application_id
          FROM recruiter.pending_status_notifications p
         WHERE p.due_at <= clock_timestamp()
         ORDER BY p.due_at
         LIMIT 10000
           FOR UPDATE SKIP LOCKED
    ), taken AS (
        DELETE FROM recruiter.pending_status_notifications p
         USING due
         WHERE p.application_id = due.application_id
        RETURNING p.application_id, p.from_status, p.to_status
    )
    INSERT INTO public.notifications (user_id, type, title, message, related_job_id, related_application_id,
                                      is_read, created_at)
    SELECT c.user_id, 'STATUS_CHANGE', recruiter.status_notification_title(t.to_status),
           'Votre candidature pour le poste de ' || j.title || ' a été mise à jour: '
               || recruiter.status_wording(t.to_status),
           j.id, a.id, false, now()
      FROM taken t
      JOIN public.job_applications a ON a.id = t.application_id AND a.deleted_at IS NULL
      JOIN public.candidates c ON c.id = a.candidate_id
      JOIN public.jobs j ON j.id = a.job_id
     WHERE t.to_status <> t.from_status;
END
$$;
REVOKE ALL ON FUNCTION recruiter.deliver_due_status_notifications() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.deliver_due_status_notifications() TO recruiter_app;

-- 3. Sign-out flushes the person's pending notifications -------------------------------------------------------

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
    RETURN revoked;
END
$$;
REVOKE ALL ON FUNCTION recruiter.sign_out(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.sign_out(text) TO recruiter_app;

-- 4. The previous version's call writes nothing -----------------------------------------------------------------

CREATE OR REPLACE FUNCTION recruiter.notify_status_change(application_ids integer[], title text)
    RETURNS TABLE (notification_id integer, application_id integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- kept for clients of the previous version during an upgrade: their moves are scheduled by the status
    -- trigger like everyone's, so a message written here would be a second one
    RETURN;
END
$$;
REVOKE ALL ON FUNCTION recruiter.notify_status_change(integer[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.notify_status_change(integer[], text) TO recruiter_app;

-- 6. Hiring managers' notifications ---------------------------------------------------------------------------

-- Only to active accounts that exist here: the offline copy on a laptop (decision 0010) holds the job's hiring
-- managers but not their accounts, and its notifications are never sent anywhere.
CREATE OR REPLACE FUNCTION recruiter.notify_hiring_managers() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    author      integer;
    author_name text;
    old_count   integer;
    new_count   integer;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM recruiter.job_hiring_managers m WHERE m.job_id = NEW.job_id) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.notifications (user_id, type, title, message, related_job_id, related_application_id,
                                          is_read, created_at)
        SELECT m.user_id, 'NEW_APPLICATION', '📝 Nouvelle candidature reçue',
               btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, ''))
                   || ' a postulé pour le poste de ' || j.title,
               j.id, NEW.id, false, now()
          FROM recruiter.job_hiring_managers m
          JOIN public.users hm ON hm.id = m.user_id AND hm.is_active IS TRUE
          JOIN public.jobs j ON j.id = NEW.job_id
          JOIN public.candidates c ON c.id = NEW.candidate_id
          JOIN public.users u ON u.id = c.user_id
         WHERE m.job_id = NEW.job_id;
        RETURN NULL;
    END IF;

    -- a note: an element appended to recruiter_notes, or the notes text changed. Its author is the desktop
    -- session's person whatever the element claims (a client writes that JSON itself: a forged user_id would
    -- silence a manager, a forged user_name would put words in a colleague's name); for the platform, the
    -- element's user_id. The name always comes from users.
    old_count := CASE WHEN jsonb_typeof(OLD.recruiter_notes) = 'array' THEN jsonb_array_length(OLD.recruiter_notes) ELSE 0 END;
    new_count := CASE WHEN jsonb_typeof(NEW.recruiter_notes) = 'array' THEN jsonb_array_length(NEW.recruiter_notes) ELSE 0 END;
    IF new_count <= old_count
       AND (nullif(btrim(NEW.notes), '') IS NULL OR NEW.notes IS NOT DISTINCT FROM OLD.notes) THEN
        RETURN NULL;
    END IF;
    author := recruiter.current_actor_user_id();
    IF author IS NULL AND new_count > old_count
       AND (NEW.recruiter_notes -> -1 ->> 'user_id') ~ '^[0-9]{1,9}$' THEN
        author := (NEW.recruiter_notes -> -1 ->> 'user_id')::integer;
    END IF;
    IF author IS NOT NULL THEN
        SELECT nullif(btrim(coalesce(w.first_name, '') || ' ' || coalesce(w.last_name, '')), '')
          INTO author_name FROM public.users w WHERE w.id = author;
    END IF;
    INSERT INTO public.notifications (user_id, type, title, message, related_job_id, related_application_id,
                                      is_read, created_at)
    SELECT m.user_id, 'MESSAGE', '💬 Nouvelle note sur une candidature',
           coalesce(author_name, 'Un recruteur') || ' a ajouté une note sur la candidature de '
               || btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, ''))
               || ' pour le poste de ' || j.title,
           j.id, NEW.id, false, now()
      FROM recruiter.job_hiring_managers m
      JOIN public.users hm ON hm.id = m.user_id AND hm.is_active IS TRUE
      JOIN public.jobs j ON j.id = NEW.job_id
      JOIN public.candidates c ON c.id = NEW.candidate_id
      JOIN public.users u ON u.id = c.user_id
     WHERE m.job_id = NEW.job_id
       AND m.user_id IS DISTINCT FROM author
       AND NOT EXISTS (SELECT 1 FROM public.notifications n
                        WHERE n.user_id = m.user_id AND n.is_read IS NOT TRUE AND n.type = 'MESSAGE'
                          AND n.related_application_id = NEW.id);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.notify_hiring_managers() FROM PUBLIC;

-- The platform hard-deletes applications and jobs (V12), and notifications point at both without ON DELETE: the
-- hiring managers' notifications written here must not make such a delete fail where it succeeded before. Just
-- before the row goes, theirs stop pointing at it (the text stays in their inbox; opening it leads nowhere, or to
-- the job's board for a deleted application).
CREATE OR REPLACE FUNCTION recruiter.detach_hiring_manager_notifications() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_TABLE_NAME = 'job_applications' THEN
        UPDATE public.notifications n
           SET related_application_id = NULL
         WHERE n.related_application_id = OLD.id AND n.type IN ('NEW_APPLICATION', 'MESSAGE')
           AND n.user_id IN (SELECT m.user_id FROM recruiter.job_hiring_managers m WHERE m.job_id = OLD.job_id);
    ELSE
        UPDATE public.notifications n
           SET related_job_id = NULL
         WHERE n.related_job_id = OLD.id AND n.type IN ('NEW_APPLICATION', 'MESSAGE')
           AND n.user_id IN (SELECT m.user_id FROM recruiter.job_hiring_managers m WHERE m.job_id = OLD.id);
    END IF;
    RETURN OLD;
END
$$;
REVOKE ALL ON FUNCTION recruiter.detach_hiring_manager_notifications() FROM PUBLIC;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_notify_hiring_managers
    AFTER INSERT OR UPDATE OF notes, recruiter_notes ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.notify_hiring_managers()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_detach_hiring_manager_notifications
    BEFORE DELETE ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.detach_hiring_manager_notifications()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_detach_hiring_manager_notifications
    BEFORE DELETE ON public.jobs
    FOR EACH ROW EXECUTE FUNCTION recruiter.detach_hiring_manager_notifications()
$ddl$
]);
