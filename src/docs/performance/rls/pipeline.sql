-- Pipeline page: 50 of the company's jobs, newest first, each with its application count per status.
SELECT company_id AS c FROM bench.jobs_big LIMIT 1 \gset
BEGIN;
SELECT :use_session;
SELECT j.id, j.title, j.status, j.posted_at, s.applied, s.viewed, s.shortlisted, s.interview, s.accepted, s.rejected
  FROM (SELECT jj.id, jj.title, jj.status, jj.posted_at
          FROM public.jobs jj
         WHERE jj.company_id = :c AND jj.deleted_at IS NULL AND jj.status = 'published'
         ORDER BY jj.posted_at DESC
         LIMIT 50) j
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE a.status = 'applied') AS applied,
           count(*) FILTER (WHERE a.status = 'viewed') AS viewed,
           count(*) FILTER (WHERE a.status = 'shortlisted') AS shortlisted,
           count(*) FILTER (WHERE a.status = 'interview') AS interview,
           count(*) FILTER (WHERE a.status = 'accepted') AS accepted,
           count(*) FILTER (WHERE a.status = 'rejected') AS rejected
      FROM public.job_applications a
     WHERE a.job_id = j.id AND a.deleted_at IS NULL) s
 ORDER BY j.posted_at DESC;
COMMIT;
