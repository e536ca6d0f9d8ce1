-- Board column page (BoardMapper.page, first page of 50 'applied' cards) of a random job of the largest company.
\set n random(0, :njobs - 1)
SELECT job_id AS j FROM bench.jobs_big OFFSET :n LIMIT 1 \gset
BEGIN;
SELECT recruiter.use_session(:token);
SELECT a.id AS application_id, a.version, a.status::text AS status,
       btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')) AS candidate_name,
       c.title AS candidate_title, a.applied_at, coalesce(e.changed_at, a.applied_at) AS status_since, a.rating
  FROM public.job_applications a
  JOIN public.candidates c ON c.id = a.candidate_id AND c.deleted_at IS NULL
  JOIN public.users u ON u.id = c.user_id
  LEFT JOIN LATERAL (SELECT ev.changed_at FROM recruiter.application_status_events ev
                      WHERE ev.application_id = a.id ORDER BY ev.changed_at DESC LIMIT 1) e ON true
 WHERE a.job_id = :j AND a.status = 'applied'::public.applicationstatus AND a.deleted_at IS NULL
 ORDER BY a.applied_at DESC, a.id DESC
 LIMIT 50;
COMMIT;
