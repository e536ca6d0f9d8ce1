-- A platform database as the web app leaves it (V1 shape, before any recruiter migration), with the defects
-- the migrations must handle: duplicate applications and OAuth accounts, rows breaking the new rules, expired
-- sessions and tokens, old notifications. Written with plain SQL the way the platform's tables are filled
-- (app-only defaults set explicitly, lower-case job values, UPPER-case enum labels where the platform uses them).
SET search_path TO public;

-- users: 1 admin, 3 recruiters, 40 candidates (ids 100..139)
INSERT INTO users (id, email, password_hash, name, role, first_name, last_name, is_active, created_at, updated_at) VALUES
 (1, 'admin@intowork.co', '$2b$12$abcdefghijklmnopqrstuuQZ9n2y0wQ8aE9a2f7M6qW1jv2QjWm', 'Admin', 'ADMIN', 'Ada', 'Admin', true, now() - interval '400 days', now() - interval '400 days'),
 (2, 'rh@gabon-petrole.ga', NULL, 'Marie Obiang', 'EMPLOYER', 'Marie', 'Obiang', true, now() - interval '300 days', now() - interval '300 days'),
 (3, 'talents@cemac-banque.cm', NULL, 'Paul Mbarga', 'EMPLOYER', 'Paul', 'Mbarga', true, now() - interval '200 days', now() - interval '200 days'),
 (4, 'new.recruiter@example.com', NULL, 'Nadia Sow', 'EMPLOYER', 'Nadia', 'Sow', true, now() - interval '2 days', now() - interval '2 days');
INSERT INTO users (id, email, name, role, first_name, last_name, is_active, created_at, updated_at)
SELECT 100 + g, 'candidate' || g || '@mail.example', NULL, 'CANDIDATE',
       (ARRAY['Élodie', 'Jean-Baptiste', 'Aïcha', 'François', 'Ngozi', 'Stéphane', 'Fatou', 'Cédric'])[1 + g % 8],
       (ARRAY['Nguema', 'Ondo', 'Diallo', 'Mbeki', 'Koné', 'Essono', 'Traoré', 'Mabika', 'Ndong', 'Bâ'])[1 + g % 10],
       true, now() - (g || ' days')::interval, now() - (g || ' days')::interval
  FROM generate_series(0, 39) g;

INSERT INTO companies (id, name, industry, city, country, is_verified, created_at, updated_at) VALUES
 (1, 'Gabon Pétrole Services', 'Énergie', 'Port-Gentil', 'GA', true, now() - interval '300 days', now() - interval '300 days'),
 (2, 'CEMAC Banque', 'Finance', 'Douala', 'CM', false, now() - interval '200 days', now() - interval '200 days');

-- employer 3 is still onboarding: no company yet
INSERT INTO employers (id, user_id, company_id, position, can_create_jobs, can_manage_candidates, is_admin) VALUES
 (1, 2, 1, 'DRH', true, true, true),
 (2, 3, 2, 'Talent acquisition', true, true, false),
 (3, 4, NULL, NULL, true, true, false);

-- candidates 1..40 for users 100..139; candidate 40 expects min > max (breaks the new salary rule)
INSERT INTO candidates (id, user_id, phone, location, title, summary, years_experience, salary_expectation_min,
                        salary_expectation_max, created_at, updated_at)
SELECT g + 1, 100 + g, '+241 0' || (6000000 + g), (ARRAY['Libreville', 'Douala', 'Dakar', 'Abidjan'])[1 + g % 4],
       (ARRAY['Développeur Java', 'Comptable senior', 'Ingénieur pétrolier', 'Chargée de recrutement',
              'Data analyst', 'Project manager'])[1 + g % 6],
       'Professionnel motivé, ' || g || ' ans d''expérience en entreprise.',
       g % 15, 400000 + g * 10000, 800000 + g * 10000, now() - (g || ' days')::interval, now() - (g || ' days')::interval
  FROM generate_series(0, 38) g;
INSERT INTO candidates (id, user_id, title, salary_expectation_min, salary_expectation_max)
VALUES (40, 139, 'Stagiaire', 900000, 500000);

INSERT INTO skills (candidate_id, name, level, category)
SELECT 1 + g % 40, (ARRAY['Java', 'PostgreSQL', 'Comptabilité', 'Forage', 'Anglais', 'Négociation'])[1 + g % 6],
       1 + g % 5, (ARRAY['TECHNICAL', 'TECHNICAL', 'TECHNICAL', 'TECHNICAL', 'LANGUAGE', 'SOFT'])[1 + g % 6]::skillcategory
  FROM generate_series(0, 99) g;
INSERT INTO experiences (candidate_id, title, company, start_date, end_date, is_current)
SELECT 1 + g % 40, 'Poste ' || g, 'Entreprise ' || g, '2019-01', CASE WHEN g % 3 = 0 THEN NULL ELSE '2022-06' END, g % 3 = 0
  FROM generate_series(0, 59) g;
INSERT INTO educations (candidate_id, degree, school, start_date, end_date)
SELECT 1 + g % 40, 'Master', 'Université Omar Bongo', '2012', '2017' FROM generate_series(0, 39) g;
INSERT INTO candidate_cvs (id, candidate_id, filename, file_path, file_size, is_active)
SELECT g + 1, g + 1, 'cv.pdf', '/uploads/cv/' || (g + 1) || '.pdf', 120000, true FROM generate_series(0, 39) g;

-- jobs: 6 published, 1 draft, 1 closed; job 9 has a status written in the wrong case by an import (breaks the
-- new status rule)
INSERT INTO jobs (id, employer_id, company_id, title, description, job_type, location_type, location, salary_min,
                  salary_max, currency, status, is_featured, views_count, applications_count, posted_at, expires_at,
                  country, zone, language, created_at, updated_at) VALUES
 (1, 1, 1, 'Ingénieur de forage', 'Vous superviserez les opérations de forage offshore. Drilling engineer, offshore operations.', 'full_time', 'on_site', 'Port-Gentil', 1500000, 2500000, 'XAF', 'published', true, 120, 0, now() - interval '30 days', now() + interval '30 days', 'GA', 'CEMAC', 'fr', now() - interval '31 days', now() - interval '30 days'),
 (2, 1, 1, 'Développeur Java senior', 'Nous recherchons un développeur expérimenté pour nos outils internes. Senior software developer.', 'full_time', 'hybrid', 'Libreville', 900000, 1400000, 'XAF', 'published', false, 80, 0, now() - interval '20 days', now() + interval '40 days', 'GA', 'CEMAC', 'fr', now() - interval '21 days', now() - interval '20 days'),
 (3, 2, 2, 'Comptable', 'Tenue de la comptabilité générale et analytique.', 'contract', 'on_site', 'Douala', 500000, 700000, 'XAF', 'published', false, 40, 0, now() - interval '10 days', now() + interval '20 days', 'CM', 'CEMAC', 'fr', now() - interval '11 days', now() - interval '10 days'),
 (4, 2, 2, 'Data analyst', 'Analyse des données clients, tableaux de bord, SQL.', 'full_time', 'remote', NULL, NULL, NULL, 'XAF', 'published', false, 10, 0, now() - interval '5 days', NULL, 'CM', 'CEMAC', 'fr', now() - interval '6 days', now() - interval '5 days'),
 (5, 2, 2, 'Stage RH', 'Stage de six mois au service des ressources humaines.', 'internship', 'on_site', 'Douala', NULL, NULL, 'EUR', 'published', false, 3, 0, now() - interval '3 days', now() + interval '60 days', 'CM', 'CEMAC', 'fr', now() - interval '4 days', now() - interval '3 days'),
 (6, 1, 1, 'Technicien HSE', 'Hygiène, sécurité, environnement sur site.', 'temporary', 'on_site', 'Port-Gentil', NULL, NULL, 'XAF', 'published', false, 0, 0, now() - interval '1 day', now() + interval '29 days', 'GA', 'CEMAC', 'fr', now() - interval '2 days', now() - interval '1 day'),
 (7, 1, 1, 'Brouillon: géologue', 'À compléter', 'full_time', 'on_site', NULL, NULL, NULL, 'XAF', 'draft', false, 0, 0, NULL, NULL, 'GA', 'CEMAC', 'fr', now() - interval '1 day', now() - interval '1 day'),
 (8, 2, 2, 'Caissier', 'Poste pourvu.', 'part_time', 'on_site', 'Yaoundé', NULL, NULL, 'XAF', 'closed', false, 50, 0, now() - interval '90 days', now() - interval '60 days', 'CM', 'CEMAC', 'fr', now() - interval '91 days', now() - interval '60 days'),
 (9, 2, 2, 'Auditeur interne', 'Audit des agences.', 'full_time', 'on_site', 'Douala', NULL, NULL, 'XAF', 'Published', false, 0, 0, now() - interval '2 days', now() + interval '28 days', 'CM', 'CEMAC', 'fr', now() - interval '2 days', now() - interval '2 days');

-- applications without duplicates: ids 1000..1059, candidates 5..40 on jobs 3..6, various statuses
INSERT INTO job_applications (id, job_id, candidate_id, cv_id, status, cover_letter, applied_at, viewed_at, updated_at)
SELECT 1000 + g, 3 + g % 4, 5 + g % 36, 5 + g % 36,
       (ARRAY['applied', 'viewed', 'shortlisted', 'interview', 'rejected', 'accepted'])[1 + g % 6]::applicationstatus,
       'Madame, Monsieur, ...', now() - ((g % 9 + 1) || ' days')::interval,
       CASE WHEN g % 6 >= 1 THEN now() - ((g % 9) || ' days')::interval END,
       now() - ((g % 9) || ' days')::interval
  FROM generate_series(0, 59) g
 WHERE (3 + g % 4, 5 + g % 36) NOT IN (SELECT 3 + h % 4, 5 + h % 36 FROM generate_series(0, g - 1) h);

-- duplicate groups
--  A (job 1, candidate 1): 1 applied (newer), 2 shortlisted (older)            -> keep 2 (status)
--  B (job 1, candidate 2): 3 rejected (older), 4 applied (newer)               -> keep 3 (rejected > applied)
--  C (job 2, candidate 3): 5, 6, 7 all applied, 6 has the latest applied_at    -> keep 6 (latest)
--  D (job 2, candidate 4): 8, 9 viewed, same applied_at                        -> keep 9 (highest id)
--  E (job 2, candidate 1): 10 interview, 11 rejected                           -> keep 10 (interview > rejected)
INSERT INTO job_applications (id, job_id, candidate_id, status, cover_letter, applied_at, viewed_at, updated_at) VALUES
 (1, 1, 1, 'applied', 'second click', now() - interval '5 days', NULL, now() - interval '5 days'),
 (2, 1, 1, 'shortlisted', 'first', now() - interval '6 days', now() - interval '4 days', now() - interval '3 days'),
 (3, 1, 2, 'rejected', 'a', now() - interval '9 days', now() - interval '8 days', now() - interval '7 days'),
 (4, 1, 2, 'applied', 'b', now() - interval '8 days', NULL, now() - interval '8 days'),
 (5, 2, 3, 'applied', 'x', now() - interval '4 days', NULL, now() - interval '4 days'),
 (6, 2, 3, 'applied', 'y', now() - interval '2 days', NULL, now() - interval '2 days'),
 (7, 2, 3, 'applied', 'z', now() - interval '3 days', NULL, now() - interval '3 days'),
 (8, 2, 4, 'viewed', 'p', '2025-11-03 10:00:00+00', '2025-11-04 10:00:00+00', '2025-11-04 10:00:00+00'),
 (9, 2, 4, 'viewed', 'q', '2025-11-03 10:00:00+00', '2025-11-05 10:00:00+00', '2025-11-05 10:00:00+00'),
 (10, 2, 1, 'interview', 'i', now() - interval '10 days', now() - interval '9 days', now() - interval '1 day'),
 (11, 2, 1, 'rejected', 'j', now() - interval '10 days', now() - interval '9 days', now() - interval '9 days'),
-- an application dated in the future (a clock problem at import): kept and reported
 (12, 3, 2, 'applied', 'future', now() + interval '2 days', NULL, now());

-- notifications and interviews pointing at duplicates that will be archived
INSERT INTO notifications (id, user_id, type, title, message, related_job_id, related_application_id, is_read, read_at, created_at) VALUES
 (1, 2, 'NEW_APPLICATION', '📝 Nouvelle candidature reçue', 'Élodie Nguema a postulé pour le poste de Ingénieur de forage', 1, 1, false, NULL, now() - interval '5 days'),
 (2, 100, 'STATUS_CHANGE', '⭐ Vous avez été présélectionné(e)', 'Votre candidature pour le poste de Ingénieur de forage a été mise à jour: shortlisted', 1, 2, true, now() - interval '2 days', now() - interval '3 days'),
 (3, 2, 'NEW_APPLICATION', '📝 Nouvelle candidature reçue', 'Jean-Baptiste Ondo a postulé', 1, 4, true, now() - interval '7 days', now() - interval '8 days'),
 (4, 2, 'NEW_APPLICATION', '📝 Nouvelle candidature reçue', 'doublon', 2, 5, NULL, NULL, now() - interval '4 days'),
 (5, 2, 'NEW_APPLICATION', '📝 Nouvelle candidature reçue', 'doublon', 2, 7, NULL, NULL, now() - interval '3 days'),
-- for housekeeping: read and old / read and recent / unread and 200 days / unread and 2 years / NULL and 2 years
 (10, 100, 'SYSTEM', 'Bienvenue', 'Bienvenue sur INTOWORK', NULL, NULL, true, now() - interval '119 days', now() - interval '120 days'),
 (11, 100, 'SYSTEM', 'Info', 'Mise à jour', NULL, NULL, true, now() - interval '9 days', now() - interval '10 days'),
 (12, 101, 'NEW_JOB', 'Nouvelle offre', 'Une offre pourrait vous intéresser', 3, NULL, false, NULL, now() - interval '200 days'),
 (13, 101, 'NEW_JOB', 'Nouvelle offre', 'Ancienne offre', 8, NULL, false, NULL, now() - interval '730 days'),
 (14, 102, 'MESSAGE', 'Message', 'Écrit en SQL, is_read jamais renseigné', NULL, NULL, NULL, NULL, now() - interval '730 days');

INSERT INTO interview_schedules (id, application_id, created_by_user_id, title, scheduled_at, duration_minutes, timezone,
                                 candidate_email, status) VALUES
 (1, 1, 2, 'Entretien technique', now() + interval '3 days', 60, 'Africa/Libreville', 'candidate0@mail.example', 'SCHEDULED'),
 (2, 10, 2, 'Entretien RH', now() + interval '4 days', 45, 'Africa/Libreville', 'candidate0@mail.example', 'CONFIRMED');

-- OAuth accounts: user 100 linked google twice (11 is the fresher row), plus distinct links
INSERT INTO accounts (id, user_id, type, provider, provider_account_id, access_token, created_at, updated_at) VALUES
 (10, 100, 'oauth', 'google', 'g-100', 'old-token', now() - interval '30 days', now() - interval '30 days'),
 (11, 100, 'oauth', 'google', 'g-100', 'new-token', now() - interval '30 days', now() - interval '1 day'),
 (12, 100, 'oauth', 'linkedin', 'li-100', 't', now() - interval '30 days', now() - interval '30 days'),
 (13, 101, 'oauth', 'google', 'g-101', 't', now() - interval '10 days', now() - interval '10 days');

-- sessions / tokens: expired and valid of each kind
INSERT INTO sessions (user_id, session_token, expires) VALUES
 (100, 's-expired-1', now() - interval '1 day'), (101, 's-expired-2', now() - interval '1 hour'),
 (100, 's-valid-1', now() + interval '1 day'), (2, 's-valid-2', now() + interval '30 days');
INSERT INTO password_reset_tokens (user_id, token, expires_at, used_at) VALUES
 (100, 'prt-used', now() + interval '1 hour', now() - interval '5 minutes'),
 (101, 'prt-expired', now() - interval '1 hour', NULL),
 (102, 'prt-valid', now() + interval '1 hour', NULL);
INSERT INTO verification_tokens (identifier, token, expires) VALUES
 ('candidate0@mail.example', 'vt-expired', now() - interval '1 day'),
 ('candidate1@mail.example', 'vt-valid', now() + interval '1 day');

SELECT setval('users_id_seq', 1000), setval('companies_id_seq', 100), setval('employers_id_seq', 100),
       setval('candidates_id_seq', 100), setval('candidate_cvs_id_seq', 100), setval('jobs_id_seq', 100),
       setval('job_applications_id_seq', 2000), setval('notifications_id_seq', 100),
       setval('interview_schedules_id_seq', 100), setval('accounts_id_seq', 100);
