-- Pipeline page (PipelineMapper.page, newest first, first page of 100) for the largest company.
SELECT company_id AS c FROM bench.jobs_big LIMIT 1 \gset
BEGIN;
SELECT recruiter.use_session(:token);
SELECT j.id, j.version, j.title, j.status, j.posted_at, n.applied, n.viewed, n.shortlisted, n.interview,
       n.accepted, n.rejected, n.new_count
  FROM (SELECT j.id, j.version, j.title, j.status, j.posted_at
          FROM public.jobs j
         WHERE j.company_id = :c AND j.deleted_at IS NULL
         ORDER BY j.posted_at DESC NULLS FIRST, j.id DESC
         LIMIT 100) j
  LEFT JOIN recruiter.job_last_seen s ON s.user_id = :u AND s.job_id = j.id
 CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE a.status = 'applied') AS applied,
              count(*) FILTER (WHERE a.status = 'viewed') AS viewed,
              count(*) FILTER (WHERE a.status = 'shortlisted') AS shortlisted,
              count(*) FILTER (WHERE a.status = 'interview') AS interview,
              count(*) FILTER (WHERE a.status = 'accepted') AS accepted,
              count(*) FILTER (WHERE a.status = 'rejected') AS rejected,
              count(*) FILTER (WHERE s.seen_at IS NULL OR a.applied_at > s.seen_at) AS new_count
         FROM public.job_applications a
        WHERE a.job_id = j.id AND a.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM public.candidates cd WHERE cd.id = a.candidate_id AND cd.deleted_at IS NULL)) n
 ORDER BY j.posted_at DESC NULLS FIRST, j.id DESC;
COMMIT;
