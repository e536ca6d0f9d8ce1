-- V22: row-level security: what a signed-in member of recruiter_app may see and change.
--
-- For the web platform: nothing changes as long as it connects as the role that OWNS its tables (the owner
-- bypasses row-level security; FORCE is not used). Any OTHER role that is not a superuser and reads these
-- tables directly (a reporting login, say) now sees no rows of them until it gets its own policy: enabling
-- row-level security means "deny unless a policy allows", and every policy here is for recruiter_app only.
--
-- Who sees what (policies TO recruiter_app; (SELECT recruiter.session_...()) runs once per statement):
--   jobs             read: the jobs of the signed-in person's company, and jobs they are a hiring manager of
--                    insert: only for their own company, posted by themselves; update: only their company's jobs
--                    (so a hiring manager can neither edit nor publish). No delete (the client soft-deletes).
--   job_applications read and update: applications to a job they can read (hiring managers note, rate and move
--                    them). WITH CHECK keeps a row inside that set. No insert or delete.
--   candidates, experiences, educations, skills, candidate_cvs, recruiter.candidate_search
--                    read: only candidates with an application to a job they can read: for a recruiter, one probe of
--                    recruiter.company_candidates (V20); for a hiring manager, their jobs' applications.
--   users            read (names and e-mail only: the columns are granted in V23): themselves, employers they
--                    can read, and candidates they can read.
--   employers        read: themselves, their company's employers, the posters and hiring managers of jobs they
--                    can read.
--   companies        read: their company and the companies of jobs they can read.
--   notifications    read and update (mark as read): their own. Insert: a STATUS_CHANGE notification for the
--                    candidate of an application they can read, about that application and its job (what the
--                    platform writes on a status change).
--   interview_schedules  read, insert (created by themselves), update: for applications they can read.
--   email_templates  read, insert (created by themselves), update: their company's.
--   recruiter.application_status_events  read: events of applications they can read (written by a trigger).
--   recruiter.job_hiring_managers  read: for jobs they can read; delete: their company's jobs only. Added through
--                    recruiter.add_hiring_manager().
-- The policies nest: a policy that looks at job_applications is itself filtered by job_applications' policy, and
-- so on down to jobs, so "can read" means the same everywhere.
-- Every EXISTS ends in OFFSET 0 on purpose: it keeps PostgreSQL from turning the check into a hashed subplan that
-- first collects every job (or application) the person may see. For a company with 8,000 jobs that made one
-- board page 50 times slower; with OFFSET 0 each row is checked by one primary-key probe.
--
-- Live-database safety: ALTER TABLE ... ENABLE ROW LEVEL SECURITY and CREATE POLICY take an ACCESS EXCLUSIVE
-- lock for a moment: one table per transaction through recruiter.apply_ddl (short lock_timeout, retries). Runs
-- outside a transaction (see the .conf file). Re-runnable: every policy is dropped and created again in the same
-- transaction.

-- A candidate's profile tables: one policy shape, one table per transaction (apply_ddl commits between them, which
-- a DO block run outside a transaction may do).
DO $profiles$
DECLARE
    statements text[];
BEGIN
    SELECT pg_catalog.array_agg(pg_catalog.format($ddl$
DO $$ BEGIN
    ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON public.%I;
    CREATE POLICY recruiter_app_read ON public.%I FOR SELECT TO recruiter_app
        USING (EXISTS (SELECT 1 FROM public.candidates c WHERE c.id = %I.candidate_id OFFSET 0));
END $$
$ddl$, t, t, t, t))
      INTO statements
      FROM pg_catalog.unnest(ARRAY['experiences', 'educations', 'skills', 'candidate_cvs']) AS t;
    CALL recruiter.apply_ddl(statements);
END
$profiles$;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
DO $$ BEGIN
    ALTER TABLE public.jobs ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON public.jobs;
    DROP POLICY IF EXISTS recruiter_app_insert ON public.jobs;
    DROP POLICY IF EXISTS recruiter_app_update ON public.jobs;
    CREATE POLICY recruiter_app_read ON public.jobs FOR SELECT TO recruiter_app
        USING (company_id = (SELECT recruiter.session_company_id())
               OR id = ANY ((SELECT recruiter.session_job_ids())::integer[]));
    CREATE POLICY recruiter_app_insert ON public.jobs FOR INSERT TO recruiter_app
        WITH CHECK (company_id = (SELECT recruiter.session_company_id())
                    AND employer_id = (SELECT recruiter.session_employer_id()));
    CREATE POLICY recruiter_app_update ON public.jobs FOR UPDATE TO recruiter_app
        USING (company_id = (SELECT recruiter.session_company_id()))
        WITH CHECK (company_id = (SELECT recruiter.session_company_id()));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE public.job_applications ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON public.job_applications;
    DROP POLICY IF EXISTS recruiter_app_update ON public.job_applications;
    CREATE POLICY recruiter_app_read ON public.job_applications FOR SELECT TO recruiter_app
        USING (EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_applications.job_id OFFSET 0));
    CREATE POLICY recruiter_app_update ON public.job_applications FOR UPDATE TO recruiter_app
        USING (EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_applications.job_id OFFSET 0))
        WITH CHECK (EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_applications.job_id OFFSET 0));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE public.candidates ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON public.candidates;
    CREATE POLICY recruiter_app_read ON public.candidates FOR SELECT TO recruiter_app
        USING (EXISTS (SELECT 1 FROM recruiter.company_candidates cc
                        WHERE cc.company_id = (SELECT recruiter.session_company_id())
                          AND cc.candidate_id = candidates.id OFFSET 0)
               OR (cardinality((SELECT recruiter.session_job_ids())) > 0
                   AND EXISTS (SELECT 1 FROM public.job_applications a
                                WHERE a.candidate_id = candidates.id
                                  AND a.job_id = ANY ((SELECT recruiter.session_job_ids())::integer[]) OFFSET 0)));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON public.users;
    CREATE POLICY recruiter_app_read ON public.users FOR SELECT TO recruiter_app
        USING (id = (SELECT recruiter.session_user_id())
               OR EXISTS (SELECT 1 FROM public.employers e WHERE e.user_id = users.id OFFSET 0)
               OR EXISTS (SELECT 1 FROM public.candidates c WHERE c.user_id = users.id OFFSET 0));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE public.employers ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON public.employers;
    CREATE POLICY recruiter_app_read ON public.employers FOR SELECT TO recruiter_app
        USING (user_id = (SELECT recruiter.session_user_id())
               OR company_id = (SELECT recruiter.session_company_id())
               OR EXISTS (SELECT 1 FROM public.jobs j WHERE j.employer_id = employers.id OFFSET 0)
               OR EXISTS (SELECT 1 FROM recruiter.job_hiring_managers m WHERE m.user_id = employers.user_id OFFSET 0));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE public.companies ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON public.companies;
    CREATE POLICY recruiter_app_read ON public.companies FOR SELECT TO recruiter_app
        USING (id = (SELECT recruiter.session_company_id())
               OR EXISTS (SELECT 1 FROM public.jobs j WHERE j.company_id = companies.id OFFSET 0));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE public.notifications ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON public.notifications;
    DROP POLICY IF EXISTS recruiter_app_insert ON public.notifications;
    DROP POLICY IF EXISTS recruiter_app_update ON public.notifications;
    CREATE POLICY recruiter_app_read ON public.notifications FOR SELECT TO recruiter_app
        USING (user_id = (SELECT recruiter.session_user_id()));
    CREATE POLICY recruiter_app_update ON public.notifications FOR UPDATE TO recruiter_app
        USING (user_id = (SELECT recruiter.session_user_id()))
        WITH CHECK (user_id = (SELECT recruiter.session_user_id()));
    CREATE POLICY recruiter_app_insert ON public.notifications FOR INSERT TO recruiter_app
        WITH CHECK (type = 'STATUS_CHANGE'
                    AND EXISTS (SELECT 1
                                  FROM public.job_applications a
                                  JOIN public.candidates c ON c.id = a.candidate_id
                                 WHERE a.id = notifications.related_application_id
                                   AND a.job_id = notifications.related_job_id
                                   AND c.user_id = notifications.user_id OFFSET 0));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE public.interview_schedules ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON public.interview_schedules;
    DROP POLICY IF EXISTS recruiter_app_insert ON public.interview_schedules;
    DROP POLICY IF EXISTS recruiter_app_update ON public.interview_schedules;
    CREATE POLICY recruiter_app_read ON public.interview_schedules FOR SELECT TO recruiter_app
        USING (EXISTS (SELECT 1 FROM public.job_applications a WHERE a.id = interview_schedules.application_id OFFSET 0));
    CREATE POLICY recruiter_app_insert ON public.interview_schedules FOR INSERT TO recruiter_app
        WITH CHECK (created_by_user_id = (SELECT recruiter.session_user_id())
                    AND EXISTS (SELECT 1 FROM public.job_applications a
                                 WHERE a.id = interview_schedules.application_id OFFSET 0));
    CREATE POLICY recruiter_app_update ON public.interview_schedules FOR UPDATE TO recruiter_app
        USING (EXISTS (SELECT 1 FROM public.job_applications a WHERE a.id = interview_schedules.application_id OFFSET 0))
        WITH CHECK (EXISTS (SELECT 1 FROM public.job_applications a
                             WHERE a.id = interview_schedules.application_id OFFSET 0));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE public.email_templates ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON public.email_templates;
    DROP POLICY IF EXISTS recruiter_app_insert ON public.email_templates;
    DROP POLICY IF EXISTS recruiter_app_update ON public.email_templates;
    CREATE POLICY recruiter_app_read ON public.email_templates FOR SELECT TO recruiter_app
        USING (company_id = (SELECT recruiter.session_company_id()));
    CREATE POLICY recruiter_app_insert ON public.email_templates FOR INSERT TO recruiter_app
        WITH CHECK (company_id = (SELECT recruiter.session_company_id())
                    AND created_by_user_id = (SELECT recruiter.session_user_id()));
    CREATE POLICY recruiter_app_update ON public.email_templates FOR UPDATE TO recruiter_app
        USING (company_id = (SELECT recruiter.session_company_id()))
        WITH CHECK (company_id = (SELECT recruiter.session_company_id()));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE recruiter.application_status_events ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON recruiter.application_status_events;
    CREATE POLICY recruiter_app_read ON recruiter.application_status_events FOR SELECT TO recruiter_app
        USING (EXISTS (SELECT 1 FROM public.job_applications a
                        WHERE a.id = application_status_events.application_id OFFSET 0));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE recruiter.candidate_search ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON recruiter.candidate_search;
    CREATE POLICY recruiter_app_read ON recruiter.candidate_search FOR SELECT TO recruiter_app
        USING (EXISTS (SELECT 1 FROM public.candidates c WHERE c.id = candidate_search.candidate_id OFFSET 0));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE recruiter.company_candidates ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON recruiter.company_candidates;
    CREATE POLICY recruiter_app_read ON recruiter.company_candidates FOR SELECT TO recruiter_app
        USING (company_id = (SELECT recruiter.session_company_id()));
END $$
$ddl$,
$ddl$
DO $$ BEGIN
    ALTER TABLE recruiter.job_hiring_managers ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS recruiter_app_read ON recruiter.job_hiring_managers;
    DROP POLICY IF EXISTS recruiter_app_delete ON recruiter.job_hiring_managers;
    CREATE POLICY recruiter_app_read ON recruiter.job_hiring_managers FOR SELECT TO recruiter_app
        USING (EXISTS (SELECT 1 FROM public.jobs j WHERE j.id = job_hiring_managers.job_id OFFSET 0));
    CREATE POLICY recruiter_app_delete ON recruiter.job_hiring_managers FOR DELETE TO recruiter_app
        USING (EXISTS (SELECT 1 FROM public.jobs j
                        WHERE j.id = job_hiring_managers.job_id
                          AND j.company_id = (SELECT recruiter.session_company_id()) OFFSET 0));
END $$
$ddl$
]);
