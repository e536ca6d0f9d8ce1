-- Two companies side by side, written as the platform writes them (plain SQL, bcrypt $2b$ hashes).
-- Company 1 "Alpha": recruiters Anne (users 1) and Albert (2); jobs 11, 12. Company 2 "Beta": recruiter Bruno (3);
-- job 21. Hugo (4) is an employer with no company, hiring manager of job 11 only. Ivan (5) is an inactive
-- employer of Alpha. Candidates: Chloé (6) applied to 11, Claude (7) to 21, Camille (8) to 12 and 21.
-- Every employer's password is the @pw@ below; candidates have the same password.
-- Cost 4, not the platform's 12: the check (the $2b$ prefix read as $2a$, the password compared) is the same at any
-- cost, and each sign-in into these companies (about 300 in a run of the suite) then takes a millisecond of the
-- database's CPU instead of 0.3 s (90 s of the 2-core machine's run). The platform's own cost-12 hashes are still
-- signed in with by the demo data's tests (DemoSeeder.RECRUITER_PASSWORD_HASH) and the plan tests; an unknown
-- address still costs the cost-12 decoy.
CREATE TEMP TABLE fixture_hash AS
SELECT '$2b$' || substr(recruiter.crypt('Correct-Horse-7!', recruiter.gen_salt('bf', 4)), 5) AS hash;

INSERT INTO public.users (id, email, password_hash, role, first_name, last_name, is_active)
SELECT v.id, v.email, h.hash, v.role::public.userrole, v.first_name, v.last_name, v.active
  FROM fixture_hash h, (VALUES
    (1, 'anne@alpha.example', 'EMPLOYER', 'Anne', 'Alpha', true),
    (2, 'albert@alpha.example', 'EMPLOYER', 'Albert', 'Alpha', true),
    (3, 'bruno@beta.example', 'EMPLOYER', 'Bruno', 'Beta', true),
    (4, 'hugo@freelance.example', 'EMPLOYER', 'Hugo', 'Manager', true),
    (5, 'ivan@alpha.example', 'EMPLOYER', 'Ivan', 'Inactive', false),
    (6, 'chloe@example.com', 'CANDIDATE', 'Chloé', 'Candidate', true),
    (7, 'claude@example.com', 'CANDIDATE', 'Claude', 'Candidate', true),
    (8, 'camille@example.com', 'CANDIDATE', 'Camille', 'Candidate', true)
  ) AS v(id, email, role, first_name, last_name, active);
INSERT INTO public.companies (id, name, is_verified) VALUES (1, 'Alpha', true), (2, 'Beta', true);
INSERT INTO public.employers (id, user_id, company_id) VALUES (1, 1, 1), (2, 2, 1), (3, 3, 2), (4, 4, NULL), (5, 5, 1);
INSERT INTO public.candidates (id, user_id, title) VALUES (1, 6, 'Chloé'), (2, 7, 'Claude'), (3, 8, 'Camille');
INSERT INTO public.experiences (candidate_id, title, company, start_date)
VALUES (1, 'Dev', 'X', '2020-01'), (2, 'Dev', 'Y', '2020-01'), (3, 'Dev', 'Z', '2020-01');
INSERT INTO public.educations (candidate_id, degree, school, start_date, end_date)
VALUES (1, 'Master', 'UOB', '2015', '2017'), (2, 'Master', 'UCAD', '2015', '2017');
INSERT INTO public.skills (candidate_id, name, level, category)
VALUES (1, 'Java', 4, 'TECHNICAL'), (2, 'SQL', 4, 'TECHNICAL'), (3, 'Go', 3, 'TECHNICAL');
INSERT INTO public.candidate_cvs (candidate_id, filename, file_path) VALUES (1, 'a.pdf', '/a'), (2, 'b.pdf', '/b');
INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type, location_type, status)
VALUES (11, 1, 1, 'Alpha engineer', 'd', 'full_time', 'on_site', 'published'),
       (12, 2, 1, 'Alpha accountant', 'd', 'full_time', 'on_site', 'draft'),
       (21, 3, 2, 'Beta engineer', 'd', 'full_time', 'on_site', 'published');
INSERT INTO public.job_applications (id, job_id, candidate_id, status)
VALUES (101, 11, 1, 'applied'), (121, 12, 3, 'viewed'), (201, 21, 2, 'applied'), (202, 21, 3, 'shortlisted');
INSERT INTO public.notifications (user_id, type, title, message, is_read)
VALUES (1, 'NEW_APPLICATION', 'n', 'for Anne', false), (2, 'NEW_APPLICATION', 'n', 'for Albert', false),
       (3, 'NEW_APPLICATION', 'n', 'for Bruno', false), (6, 'STATUS_CHANGE', 'n', 'for Chloé', false);
INSERT INTO public.interview_schedules (application_id, created_by_user_id, title, scheduled_at, candidate_email, status)
VALUES (101, 1, 'Alpha interview', now(), 'chloe@example.com', 'SCHEDULED'),
       (201, 3, 'Beta interview', now(), 'claude@example.com', 'SCHEDULED');
INSERT INTO public.email_templates (company_id, created_by_user_id, name, type, subject, body)
VALUES (1, 1, 'Alpha welcome', 'CUSTOM', 's', 'b'), (2, 3, 'Beta welcome', 'CUSTOM', 's', 'b');
INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (11, 4, 1);
SELECT setval('public.users_id_seq', 100), setval('public.companies_id_seq', 100),
       setval('public.employers_id_seq', 100), setval('public.candidates_id_seq', 100),
       setval('public.jobs_id_seq', 100), setval('public.job_applications_id_seq', 1000);
DROP TABLE fixture_hash;
