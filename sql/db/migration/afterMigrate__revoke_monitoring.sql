-- After every migrate: pg_stat_statements may have been installed since V31 (CREATE EXTENSION grants its
-- functions and views to PUBLIC); take them away from PUBLIC and the desktop client again (decision 0005).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'recruiter' AND p.proname = 'revoke_monitoring_from_clients') THEN
        CALL recruiter.revoke_monitoring_from_clients();
    END IF;
END
$$;
