-- V28: offline review (decision 0010): the server remembers which offline operations it applied, and the
-- laptop's replica gets its bookkeeping schema.
--
-- For the web platform: nothing changes (a new table in schema recruiter, a new schema recruiter_replica; no
-- platform table is touched).
--
--   recruiter.applied_operations(operation_id uuid PK, user_id, application_id, kind, applied_at, result_version)
--     One row per offline operation the desktop client replayed, inserted in the SAME transaction as the
--     operation's own writes, so "the row exists" means "the operation committed". A replay of the same
--     operation id (the client crashed after the server commit, before marking it done locally) finds the row
--     and does nothing again; two concurrent replays collide on the primary key and one rolls back.
--     result_version is filled at commit by a deferred constraint trigger with the application's version as the
--     operation left it, so a replay learns the version it produced without applying anything.
--     No foreign keys on purpose (as job_last_seen): the platform hard-deletes applications and users.
--     Row-level security: recruiter_app inserts and reads only its own rows (user_id = the signed-in person).
--     Privileges: SELECT, INSERT to recruiter_app (rows are never changed by the client; `maintain` may purge
--     old ones later).
--
--   recruiter_replica.*  tables used only on a laptop's replica (the slice of jobs taken offline, per-job pull
--     watermarks, the outbox, the conflict inbox, sync state). Created everywhere by the same migration so that
--     the replica is migrated exactly like a server; on a server they stay empty, and recruiter_app has no
--     privilege on them.
--
--   recruiter.flyway_schema_history: SELECT to recruiter_app. The app checks the schema version at start-up as
--     its client login (Startup -> Migrator.inspect) and, without this, a client login could not open a server
--     at all ("permission denied for table flyway_schema_history"); `sync` on the command line met it first. It
--     shows only migration names and checksums.
--
-- Re-runnable: IF NOT EXISTS; policies and the trigger are dropped and created again; GRANT is idempotent.

SET LOCAL lock_timeout = '5s';

CREATE TABLE IF NOT EXISTS recruiter.applied_operations (
    operation_id   uuid        PRIMARY KEY,
    user_id        integer     NOT NULL DEFAULT recruiter.session_user_id(),
    application_id integer     NOT NULL,
    kind           text        NOT NULL,
    applied_at     timestamptz NOT NULL DEFAULT now(),
    result_version integer
);
COMMENT ON TABLE recruiter.applied_operations IS
    'Offline operations the desktop client replayed, written in the operation''s own transaction (idempotent replay).';

CREATE OR REPLACE FUNCTION recruiter.applied_operation_result() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    UPDATE recruiter.applied_operations o
       SET result_version = (SELECT a.version FROM public.job_applications a WHERE a.id = NEW.application_id)
     WHERE o.operation_id = NEW.operation_id;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION recruiter.applied_operation_result() FROM PUBLIC;

DROP TRIGGER IF EXISTS recruiter_applied_operation_result ON recruiter.applied_operations;
CREATE CONSTRAINT TRIGGER recruiter_applied_operation_result
    AFTER INSERT ON recruiter.applied_operations
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION recruiter.applied_operation_result();

ALTER TABLE recruiter.applied_operations ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.applied_operations;
DROP POLICY IF EXISTS recruiter_app_insert ON recruiter.applied_operations;
CREATE POLICY recruiter_app_read ON recruiter.applied_operations FOR SELECT TO recruiter_app
    USING (user_id = (SELECT recruiter.session_user_id()));
CREATE POLICY recruiter_app_insert ON recruiter.applied_operations FOR INSERT TO recruiter_app
    WITH CHECK (user_id = (SELECT recruiter.session_user_id()));
GRANT SELECT, INSERT ON recruiter.applied_operations TO recruiter_app;

GRANT SELECT ON recruiter.flyway_schema_history TO recruiter_app;

CREATE SCHEMA IF NOT EXISTS recruiter_replica;
COMMENT ON SCHEMA recruiter_replica IS
    'Desktop replica bookkeeping (slice, watermarks, outbox, conflicts); empty on a server.';

CREATE TABLE IF NOT EXISTS recruiter_replica.slice_jobs (
    job_id   integer     PRIMARY KEY,
    taken_at timestamptz NOT NULL DEFAULT now()
);

-- Per job and table: rows changed at or after `since` (minus the overlap, see SyncService) are pulled again;
-- status events, append-only, by id.
CREATE TABLE IF NOT EXISTS recruiter_replica.watermarks (
    job_id     integer NOT NULL,
    table_name text    NOT NULL,
    since      timestamptz,
    since_id   bigint,
    PRIMARY KEY (job_id, table_name)
);

CREATE TABLE IF NOT EXISTS recruiter_replica.outbox (
    seq            bigserial   PRIMARY KEY,
    operation_id   uuid        NOT NULL UNIQUE,
    kind           text        NOT NULL,
    application_id integer     NOT NULL,
    job_id         integer     NOT NULL,
    base_version   integer     NOT NULL,
    base_status    text        NOT NULL,
    base           jsonb       NOT NULL,
    mine           jsonb       NOT NULL,
    local_version  integer,
    state          text        NOT NULL DEFAULT 'pending',
    created_at     timestamptz NOT NULL DEFAULT now(),
    done_at        timestamptz,
    result_version integer,
    CONSTRAINT ck_outbox_state CHECK (state IN ('pending', 'done', 'conflict', 'discarded'))
);
CREATE INDEX IF NOT EXISTS ix_outbox_pending ON recruiter_replica.outbox (seq) WHERE state = 'pending';

CREATE TABLE IF NOT EXISTS recruiter_replica.conflicts (
    id             bigserial   PRIMARY KEY,
    operation_id   uuid        NOT NULL REFERENCES recruiter_replica.outbox (operation_id),
    application_id integer     NOT NULL,
    job_id         integer     NOT NULL,
    kind           text        NOT NULL,
    reason         text        NOT NULL,
    base           jsonb       NOT NULL,
    theirs         jsonb,
    mine           jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    resolved_at    timestamptz,
    resolution     text,
    CONSTRAINT ck_conflicts_resolution CHECK (resolution IN ('theirs', 'mine', 'discarded', 'merged'))
);
CREATE INDEX IF NOT EXISTS ix_conflicts_open ON recruiter_replica.conflicts (id) WHERE resolved_at IS NULL;

CREATE TABLE IF NOT EXISTS recruiter_replica.sync_state (
    key   text PRIMARY KEY,
    value text NOT NULL
);
