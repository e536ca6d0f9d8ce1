-- Runs before every migrate, before the first pending migration. The platform's current code builds
-- job_applications.status as varchar(11) with no applicationstatus type (a non-native enum). The client works with
-- the column as found (decision 0011): it never converts it, since the platform binds the status as a typed string
-- parameter, which an enum column refuses. The client's own objects, and migrations already applied in the field
-- whose checksums must not change (V3, V10, V12, V27, V30), name public.applicationstatus; on that shape it is a
-- domain over the column's own type holding the same six labels, so those objects store and compare plain strings
-- exactly as the column does, and a label outside the six is still refused as the enum refuses it.
-- Nothing happens on the older shape (the enum exists) or on an empty database (V1 creates the enum).
-- Migrator.inspect() has already refused a column of any other type, an applicationstatus of another kind, and
-- rows holding other values.
DO $$
BEGIN
    IF pg_catalog.to_regtype('public.applicationstatus') IS NULL
       AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = pg_catalog.to_regclass('public.job_applications')
                      AND a.attname = 'status' AND NOT a.attisdropped
                      AND a.atttypid = 'pg_catalog.varchar'::pg_catalog.regtype) THEN
        CREATE DOMAIN public.applicationstatus AS varchar(11)
            CHECK (VALUE IN ('applied', 'viewed', 'shortlisted', 'interview', 'rejected', 'accepted'));
        COMMENT ON DOMAIN public.applicationstatus IS
            'Created by IntoWork Recruiter (decision 0011): job_applications.status is varchar(11) on this database; '
            'the recruiter schema''s status columns and functions use this domain in place of the platform''s former '
            'enum. The platform does not use it.';
    END IF;
END
$$;
