-- A few rows on a freshly migrated database, written with plain SQL the way the web platform writes them.
INSERT INTO public.users (id, email, role, first_name, last_name, is_active) VALUES
 (1, 'rh@example.com', 'EMPLOYER', 'Marie', 'Obiang', true),
 (2, 'elodie@example.com', 'CANDIDATE', 'Élodie', 'Nguema', true),
 (3, 'jb@example.com', 'CANDIDATE', 'Jean-Baptiste', 'Ondo', true),
 (4, 'aicha@example.com', 'CANDIDATE', 'Aïcha', 'Diallo', true);
INSERT INTO public.companies (id, name, is_verified) VALUES (1, 'Gabon Pétrole Services', true);
INSERT INTO public.employers (id, user_id, company_id, can_create_jobs, can_manage_candidates, is_admin)
VALUES (1, 1, 1, true, true, true);
INSERT INTO public.candidates (id, user_id, title, summary, salary_expectation_min, salary_expectation_max) VALUES
 (1, 2, 'Développeuse Java', 'Backend, PostgreSQL, microservices', 600000, 900000),
 (2, 3, 'Comptable senior', 'Comptabilité générale', NULL, NULL),
 (3, 4, 'Data analyst', NULL, 500000, NULL);
INSERT INTO public.skills (candidate_id, name, level, category) VALUES
 (1, 'PostgreSQL', 4, 'TECHNICAL'), (1, 'Anglais', 3, 'LANGUAGE'), (2, 'Fiscalité', 4, 'TECHNICAL');
INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type, location_type, currency, status,
                         is_featured, views_count, applications_count, posted_at, expires_at) VALUES
 (1, 1, 1, 'Développeur Java senior', 'Nous recherchons un ingénieur logiciel. We are looking for a software engineer.',
  'full_time', 'hybrid', 'XAF', 'published', false, 0, 0, now() - interval '3 days', now() + interval '27 days'),
 (2, 1, 1, 'Comptable', 'Tenue de la comptabilité générale.', 'contract', 'on_site', 'XAF', 'published', false, 0, 0,
  now() - interval '2 days', now() + interval '28 days'),
 (3, 1, 1, 'Stage RH', 'Stage de six mois.', 'internship', 'on_site', 'XAF', 'draft', false, 0, 0, NULL, NULL);
INSERT INTO public.job_applications (id, job_id, candidate_id, status, cover_letter) VALUES
 (1, 1, 1, 'applied', 'Madame, Monsieur'),
 (2, 1, 2, 'viewed', NULL),
 (3, 2, 2, 'shortlisted', NULL);
SELECT setval('public.users_id_seq', 100), setval('public.companies_id_seq', 100),
       setval('public.employers_id_seq', 100), setval('public.candidates_id_seq', 100),
       setval('public.jobs_id_seq', 100), setval('public.job_applications_id_seq', 100);
