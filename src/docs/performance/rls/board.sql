-- Board column page: one job's 'applied' column, 50 cards with the candidate's name and title.
\set n random(0, :njobs - 1)
SELECT job_id AS j FROM bench.jobs_big OFFSET :n LIMIT 1 \gset
BEGIN;
SELECT :use_session;
SELECT a.id, a.status, a.applied_at, a.rating, a.version, u.first_name, u.last_name, c.title
  FROM public.job_applications a
  JOIN public.candidates c ON c.id = a.candidate_id
  JOIN public.users u ON u.id = c.user_id
 WHERE a.job_id = :j AND a.status = 'applied' AND a.deleted_at IS NULL
 ORDER BY a.applied_at DESC, a.id DESC
 LIMIT 50;
COMMIT;
