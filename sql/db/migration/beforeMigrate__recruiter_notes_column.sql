-- Runs before every migrate, before the first pending migration. The platform's notes thread column
-- job_applications.recruiter_notes (jsonb, NULL) is absent from some older databases: the client's policies (V31)
-- and its notes thread (V39) name it. Migrator.inspect() reports the absence as adopted, and this adds the column
-- exactly as the platform's current code defines it (nullable, no default: a catalogue change, no table rewrite),
-- under a short lock wait so it never queues long in front of the platform's queries. The platform's code, which
-- reads and writes the column, works as before. Nothing happens when the column exists or before V1.
DO $$
BEGIN
    IF pg_catalog.to_regclass('public.job_applications') IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                        WHERE a.attrelid = pg_catalog.to_regclass('public.job_applications')
                          AND a.attname = 'recruiter_notes' AND NOT a.attisdropped) THEN
        PERFORM pg_catalog.set_config('lock_timeout', '10s', true);
        ALTER TABLE public.job_applications ADD COLUMN recruiter_notes jsonb;
        COMMENT ON COLUMN public.job_applications.recruiter_notes IS
            'The platform''s notes thread (array of {user_id, user_name, note, created_at}); added by IntoWork '
            'Recruiter on a database built before the platform had it (decision 0019).';
    END IF;
END
$$;
