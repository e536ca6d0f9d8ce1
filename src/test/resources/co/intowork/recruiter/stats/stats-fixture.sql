-- Statistics fixture, on top of auth/two-companies.sql (Alpha: jobs 11 published, 12 draft; apps 101 applied on
-- 11 and 121 viewed on 12, both applied now()). Every expected figure in StatsServiceTest is worked out by hand
-- from these rows; see the comment of each application.
-- The status trigger is off while loading so that the history below is exactly what is written here (and 304 has
-- none at all, like an application the platform created before V10).
ALTER TABLE public.job_applications DISABLE TRIGGER recruiter_record_status_event;

INSERT INTO public.users (id, email, role, first_name, last_name, is_active) VALUES
    (9, 'c4@example.com', 'CANDIDATE', 'Cand', 'Four', true),
    (10, 'c5@example.com', 'CANDIDATE', 'Cand', 'Five', true),
    (11, 'c6@example.com', 'CANDIDATE', 'Cand', 'Six', true),
    (12, 'c7@example.com', 'CANDIDATE', 'Cand', 'Seven', true),
    (13, 'c8@example.com', 'CANDIDATE', 'Cand', 'Eight', true),
    (14, 'c9@example.com', 'CANDIDATE', 'Cand', 'Nine', true),
    (15, 'c10@example.com', 'CANDIDATE', 'Cand', 'Ten', true);
INSERT INTO public.candidates (id, user_id, title) VALUES
    (4, 9, 'c4'), (5, 10, 'c5'), (6, 11, 'c6'), (7, 12, 'c7'), (8, 13, 'c8'), (9, 14, 'c9'), (10, 15, 'c10');
UPDATE public.candidates SET deleted_at = now() WHERE id = 10;

-- 13: a second published Alpha job; 14: published but soft-deleted (its applications never count)
INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type, location_type, status)
VALUES (13, 1, 1, 'Alpha analyst', 'd', 'full_time', 'on_site', 'published'),
       (14, 1, 1, 'Alpha deleted', 'd', 'full_time', 'on_site', 'published');
UPDATE public.jobs SET deleted_at = now() WHERE id = 14;

INSERT INTO public.job_applications (id, job_id, candidate_id, status, applied_at, source_ref) VALUES
    -- applied, viewed +24h, shortlisted +48h, interview +96h, rejected +24h: reached interview
    (301, 11, 4, 'rejected',    '2026-01-06 12:00+00', 'linkedin'),
    -- applied, interview +48h (skips viewed and shortlisted), accepted +48h: hired in 96h
    (302, 11, 5, 'accepted',    '2026-01-07 12:00+00', 'linkedin'),
    -- applied, viewed +12h, shortlisted +12h, back to viewed +24h, shortlisted again +24h (open since 01-16)
    (303, 11, 6, 'shortlisted', '2026-01-13 12:00+00', NULL),
    -- no history at all, now in interview: the current status is the floor
    (304, 11, 7, 'interview',   '2026-01-14 12:00+00', ''),
    -- applied only
    (305, 11, 8, 'applied',     '2026-01-15 12:00+00', NULL),
    -- soft-deleted application
    (306, 11, 9, 'accepted',    '2026-01-08 12:00+00', 'linkedin'),
    -- applied, rejected +24h
    (307, 13, 4, 'rejected',    '2026-02-03 12:00+00', 'jobberman'),
    -- soft-deleted candidate
    (308, 13, 10, 'applied',    '2026-02-04 12:00+00', NULL),
    -- soft-deleted job
    (309, 14, 5, 'applied',     '2026-02-05 12:00+00', NULL);
UPDATE public.job_applications SET deleted_at = now() WHERE id = 306;

INSERT INTO recruiter.application_status_events (application_id, from_status, to_status, changed_at, source) VALUES
    (301, NULL, 'applied', '2026-01-06 12:00+00', 'insert'),
    (301, 'applied', 'viewed', '2026-01-07 12:00+00', 'client'),
    (301, 'viewed', 'shortlisted', '2026-01-09 12:00+00', 'client'),
    (301, 'shortlisted', 'interview', '2026-01-13 12:00+00', 'client'),
    (301, 'interview', 'rejected', '2026-01-14 12:00+00', 'client'),
    (302, NULL, 'applied', '2026-01-07 12:00+00', 'insert'),
    (302, 'applied', 'interview', '2026-01-09 12:00+00', 'platform'),
    (302, 'interview', 'accepted', '2026-01-11 12:00+00', 'platform'),
    (303, NULL, 'applied', '2026-01-13 12:00+00', 'insert'),
    (303, 'applied', 'viewed', '2026-01-14 00:00+00', 'client'),
    (303, 'viewed', 'shortlisted', '2026-01-14 12:00+00', 'client'),
    (303, 'shortlisted', 'viewed', '2026-01-15 12:00+00', 'client'),
    (303, 'viewed', 'shortlisted', '2026-01-16 12:00+00', 'client'),
    (305, NULL, 'applied', '2026-01-15 12:00+00', 'insert'),
    (306, NULL, 'applied', '2026-01-08 12:00+00', 'insert'),
    (306, 'applied', 'accepted', '2026-01-09 12:00+00', 'client'),
    (307, NULL, 'applied', '2026-02-03 12:00+00', 'insert'),
    (307, 'applied', 'rejected', '2026-02-04 12:00+00', 'client'),
    (308, NULL, 'applied', '2026-02-04 12:00+00', 'insert'),
    (309, NULL, 'applied', '2026-02-05 12:00+00', 'insert');

ALTER TABLE public.job_applications ENABLE TRIGGER recruiter_record_status_event;
