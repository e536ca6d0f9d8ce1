-- V16: housekeeping functions (analysis 10.2): purge what is expired, archive old notifications.
--
-- For the web platform: nothing changes until `maintain` runs these functions. Then:
--   recruiter.purge_expired_sessions()            deletes sessions whose expires is past (the platform refuses
--                                                 them anyway)
--   recruiter.purge_password_reset_tokens()       deletes reset tokens that were used or are expired
--   recruiter.purge_expired_verification_tokens() deletes verification tokens whose expires is past
--   recruiter.archive_old_notifications(retention interval DEFAULT '90 days',
--                                       unread_retention interval DEFAULT '365 days')
--       MOVES (delete + insert in one statement, nothing lost) into recruiter.notifications_archive:
--         - READ notifications (is_read IS TRUE) created more than `retention` ago;
--         - UNREAD ones (is_read false or NULL) only when created more than max(unread_retention, retention)
--           ago: a notification the person has not seen yet stays in the platform for a year by default.
--       The platform then no longer lists those notifications; the archive keeps every column plus
--       archived_at and archive_reason ('read' or 'unread, expired'). A retention under one day is refused.
--   Each returns the number of rows it handled. SECURITY DEFINER with a fixed search_path (they run with the
--   migrating role's rights on the platform tables); EXECUTE is revoked from PUBLIC: grant it to the roles
--   that may run `maintain`.
--
-- Re-runnable: IF NOT EXISTS / CREATE OR REPLACE.

SET LOCAL lock_timeout = '5s';

CREATE TABLE IF NOT EXISTS recruiter.notifications_archive (
    id                     integer                 PRIMARY KEY,
    user_id                integer                 NOT NULL,
    type                   public.notificationtype NOT NULL,
    title                  varchar                 NOT NULL,
    message                text                    NOT NULL,
    related_job_id         integer,
    related_application_id integer,
    is_read                boolean,
    read_at                timestamptz,
    created_at             timestamptz,
    archived_at            timestamptz             NOT NULL DEFAULT now(),
    archive_reason         text                    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_notifications_archive_user_created
    ON recruiter.notifications_archive (user_id, created_at DESC);
COMMENT ON TABLE recruiter.notifications_archive IS
    'Notifications moved out of public.notifications by recruiter.archive_old_notifications().';

CREATE OR REPLACE FUNCTION recruiter.purge_expired_sessions() RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM public.sessions WHERE expires < now();
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.purge_password_reset_tokens() RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM public.password_reset_tokens WHERE used_at IS NOT NULL OR expires_at < now();
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.purge_expired_verification_tokens() RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM public.verification_tokens WHERE expires < now();
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.archive_old_notifications(retention interval DEFAULT interval '90 days',
                                                               unread_retention interval DEFAULT interval '365 days')
    RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n            integer;
    read_before  timestamptz;
    other_before timestamptz;
BEGIN
    IF retention IS NULL OR retention < interval '1 day' OR unread_retention IS NULL
       OR unread_retention < interval '1 day' THEN
        RAISE EXCEPTION 'Notification retention must be at least one day (got % and %)', retention, unread_retention
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    read_before := now() - retention;
    other_before := now() - GREATEST(unread_retention, retention);
    WITH moved AS (
        DELETE FROM public.notifications n
         WHERE (n.is_read IS TRUE AND n.created_at < read_before)
            OR (n.is_read IS NOT TRUE AND n.created_at < other_before)
        RETURNING n.id, n.user_id, n.type, n.title, n.message, n.related_job_id, n.related_application_id,
                  n.is_read, n.read_at, n.created_at
    )
    INSERT INTO recruiter.notifications_archive
           (id, user_id, type, title, message, related_job_id, related_application_id, is_read, read_at,
            created_at, archived_at, archive_reason)
    SELECT id, user_id, type, title, message, related_job_id, related_application_id, is_read, read_at,
           created_at, now(), CASE WHEN is_read IS TRUE THEN 'read' ELSE 'unread, expired' END
      FROM moved;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

REVOKE ALL ON FUNCTION recruiter.purge_expired_sessions() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.purge_password_reset_tokens() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.purge_expired_verification_tokens() FROM PUBLIC;
REVOKE ALL ON FUNCTION recruiter.archive_old_notifications(interval, interval) FROM PUBLIC;
