-- V7: columns for optimistic locking and soft delete.
--
-- For the web platform: new columns it does not know about, so its ORM (which names its columns) ignores them:
--   jobs.version, job_applications.version   integer NOT NULL DEFAULT 1 — bumped by trigger (V9) on every real
--                                            change, whoever makes it; the client saves with
--                                            "... WHERE id = ? AND version = ?" and reports a conflict when no
--                                            row matched. The platform's INSERTs get the default 1.
--   jobs / job_applications / candidates  .deleted_at timestamptz NULL, .deleted_by integer NULL (users.id)
--                                            — the client's soft delete. Every client query filters
--                                            deleted_at IS NULL; the platform keeps showing such rows (it cannot
--                                            know), which is why the client only soft-deletes what the platform
--                                            may still show. deleted_by has NO foreign key to users on purpose:
--                                            one would make the platform's deletion of that user fail.
--
-- Live-database safety: ADD COLUMN with a constant default (or none) is a catalogue-only change since PostgreSQL
-- 11 (no table rewrite); it needs a brief ACCESS EXCLUSIVE lock, taken one table at a time, in its own
-- transaction, with a short lock_timeout and retries (recruiter.apply_ddl). Runs outside a transaction (see the
-- .conf file). Re-runnable: ADD COLUMN IF NOT EXISTS.

CALL recruiter.apply_ddl(ARRAY[
$ddl$
ALTER TABLE public.jobs
    ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1,
    ADD COLUMN IF NOT EXISTS deleted_at timestamptz,
    ADD COLUMN IF NOT EXISTS deleted_by integer
$ddl$,
$ddl$
ALTER TABLE public.job_applications
    ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1,
    ADD COLUMN IF NOT EXISTS deleted_at timestamptz,
    ADD COLUMN IF NOT EXISTS deleted_by integer
$ddl$,
$ddl$
ALTER TABLE public.candidates
    ADD COLUMN IF NOT EXISTS deleted_at timestamptz,
    ADD COLUMN IF NOT EXISTS deleted_by integer
$ddl$,
$ddl$
DO $$
BEGIN
    COMMENT ON COLUMN public.jobs.version IS 'Recruiter client: row version for optimistic locking, bumped by trigger on every change (counters excluded).';
    COMMENT ON COLUMN public.job_applications.version IS 'Recruiter client: row version for optimistic locking, bumped by trigger on every change.';
    COMMENT ON COLUMN public.jobs.deleted_at IS 'Recruiter client: soft delete time (NULL = live).';
    COMMENT ON COLUMN public.jobs.deleted_by IS 'Recruiter client: users.id of who soft-deleted the row (no foreign key on purpose).';
    COMMENT ON COLUMN public.job_applications.deleted_at IS 'Recruiter client: soft delete time (NULL = live).';
    COMMENT ON COLUMN public.job_applications.deleted_by IS 'Recruiter client: users.id of who soft-deleted the row (no foreign key on purpose).';
    COMMENT ON COLUMN public.candidates.deleted_at IS 'Recruiter client: soft delete time (NULL = live).';
    COMMENT ON COLUMN public.candidates.deleted_by IS 'Recruiter client: users.id of who soft-deleted the row (no foreign key on purpose).';
END
$$
$ddl$
]);
