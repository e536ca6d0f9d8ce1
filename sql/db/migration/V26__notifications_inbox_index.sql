-- V26: the index behind the desktop client's notification inbox.
--
-- For the web platform: one new index on notifications (its writes maintain it; its own "my notifications"
-- listing, ordered by date, can use it too).
--   notifications  ix_notifications_user_created  (user_id, created_at DESC, id DESC)
--                    the inbox, read and unread together, newest first, one keyset page at a time; the partial
--                    ix_notifications_user_unread (V8) keeps serving the unread count and "mark all read".
--
-- Live-database safety and re-runs exactly like V8: CONCURRENTLY, outside a transaction; an INVALID leftover is
-- renamed, dropped and built again; a final check that it exists and is valid.

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                WHERE c.relnamespace = 'public'::regnamespace AND c.relname = 'ix_notifications_user_created'
                  AND NOT i.indisvalid) THEN
        RAISE WARNING 'Index public.ix_notifications_user_created is INVALID (an earlier concurrent build failed): dropping it and building it again.';
        ALTER INDEX public.ix_notifications_user_created RENAME TO ix_notifications_user_created__invalid;
    END IF;
END
$$;

DROP INDEX CONCURRENTLY IF EXISTS public.ix_notifications_user_created__invalid;

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_notifications_user_created
    ON public.notifications (user_id, created_at DESC, id DESC);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relname = 'ix_notifications_user_created'
                      AND i.indisvalid AND i.indisready) THEN
        RAISE EXCEPTION 'Index public.ix_notifications_user_created is missing or not valid after the build'
            USING HINT = 'Another object may hold this name; remove it, run repair, then migrate again.';
    END IF;
END
$$;
