-- V23: the privileges of recruiter_app: what the desktop client needs, nothing more. Row-level security (V22)
-- then narrows every table below to the signed-in person's rows.
--
-- For the web platform: nothing changes (grants to a new role).
--
--   read                 jobs, job_applications, candidates, experiences, educations, skills, candidate_cvs,
--                        employers, companies, notifications, interview_schedules, email_templates,
--                        recruiter.application_status_events, recruiter.candidate_search,
--                        recruiter.job_hiring_managers, recruiter.company_candidates (its own company's pairs)
--   read, some columns   users: id, email, first_name, last_name, name (never password_hash)
--   insert               jobs, notifications, interview_schedules, email_templates (+ their id sequences)
--   update, some columns jobs: the fields a recruiter edits (not ids, counters, created_at, version)
--                        job_applications: status, notes, recruiter_notes, rating, tags, scorecard, viewed_at,
--                                          deleted_at, deleted_by
--                        notifications: is_read, read_at
--                        interview_schedules, email_templates: their editable fields
--   delete               recruiter.job_hiring_managers
--   execute              sign-in and session functions, add_hiring_manager, and the search helpers
-- Not granted on purpose: the platform's accounts, sessions, tokens, credentials and CV documents; the client's
-- sign-in tables (client_sessions, sign_in_attempts); the archives; recruiter.active_jobs_summary (a
-- materialized view cannot have row-level security, so it would show every company's figures).
--
-- Re-runnable: GRANT is idempotent.

SET LOCAL lock_timeout = '5s';

GRANT USAGE ON SCHEMA public, recruiter TO recruiter_app;

GRANT SELECT ON public.jobs, public.job_applications, public.candidates, public.experiences, public.educations,
                public.skills, public.candidate_cvs, public.employers, public.companies, public.notifications,
                public.interview_schedules, public.email_templates,
                recruiter.application_status_events, recruiter.candidate_search, recruiter.job_hiring_managers,
                recruiter.company_candidates
    TO recruiter_app;
GRANT SELECT (id, email, first_name, last_name, name) ON public.users TO recruiter_app;

GRANT INSERT ON public.jobs, public.notifications, public.interview_schedules, public.email_templates
    TO recruiter_app;
GRANT USAGE ON SEQUENCE public.jobs_id_seq, public.notifications_id_seq, public.interview_schedules_id_seq,
                        public.email_templates_id_seq
    TO recruiter_app;

GRANT UPDATE (title, description, requirements, responsibilities, benefits, job_type, location_type, location,
              salary_min, salary_max, currency, status, is_featured, posted_at, expires_at, country, zone, language,
              context, mission_principale, profil_formation, profil_experience, profil_competences, profil_posture,
              profil_autre, image_url, deleted_at, deleted_by, updated_at)
    ON public.jobs TO recruiter_app;
GRANT UPDATE (status, notes, recruiter_notes, rating, tags, scorecard, viewed_at, deleted_at, deleted_by, updated_at)
    ON public.job_applications TO recruiter_app;
GRANT UPDATE (is_read, read_at) ON public.notifications TO recruiter_app;
GRANT UPDATE (title, description, location, meeting_link, scheduled_at, duration_minutes, timezone, interviewers,
              status, updated_at)
    ON public.interview_schedules TO recruiter_app;
GRANT UPDATE (name, type, subject, body, is_active, is_default, updated_at) ON public.email_templates TO recruiter_app;

GRANT DELETE ON recruiter.job_hiring_managers TO recruiter_app;

GRANT EXECUTE ON FUNCTION recruiter.sign_in_attempt(text, text), recruiter.sign_in(text, text),
                          recruiter.sign_out(text), recruiter.use_session(text), recruiter.session_user_id(),
                          recruiter.session_employer_id(), recruiter.session_company_id(),
                          recruiter.session_job_ids(), recruiter.session_role(), recruiter.session_profile(),
                          recruiter.add_hiring_manager(integer, text)
    TO recruiter_app;

-- pg_stat_statements grants its views to PUBLIC; they list other sessions' statements (their texts are hidden,
-- their shapes and timings are not). doctor reads them through recruiter.slowest_statements() as an admin.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_stat_statements') THEN
        EXECUTE (SELECT pg_catalog.format('REVOKE ALL ON %I.pg_stat_statements, %I.pg_stat_statements_info FROM PUBLIC',
                                          n.nspname, n.nspname)
                   FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
                  WHERE e.extname = 'pg_stat_statements');
    END IF;
END
$$;
