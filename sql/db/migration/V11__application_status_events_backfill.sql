-- V11: history for the applications that existed before V10.
--
-- For the web platform: nothing changes (it only reads job_applications; rows are added to
-- recruiter.application_status_events). Decision, for every application that has no 'insert' or 'backfill'
-- event yet:
--   1. one event  NULL -> applied  at applied_at (the creation; now() when applied_at is NULL), source 'backfill';
--   2. when its current status is not 'applied', and no trigger event has recorded a change since V10, one more
--      event  applied -> <current status>  at the best time known, source 'backfill':
--        viewed:           coalesce(viewed_at, updated_at, applied_at)
--        any other status: coalesce(updated_at, applied_at)   (viewed_at is when it was viewed, not decided)
--      never earlier than applied_at. The intermediate steps (e.g. viewed, shortlisted before interview) are
--      not known and are not invented; the time is approximate (updated_at is the last change of any kind).
--   This keeps one invariant the client relies on: the latest event of an application is its current status.
--
-- Live-database safety: a plain INSERT ... SELECT in one transaction; it only reads job_applications (no lock
-- that blocks the platform). Applications created or changed meanwhile already have trigger events and are
-- handled by the conditions above. Re-runnable: skips applications that already have an 'insert' or 'backfill'
-- event.

INSERT INTO recruiter.application_status_events (application_id, from_status, to_status, changed_at, changed_by, source)
SELECT a.id, NULL, 'applied', coalesce(a.applied_at, now()), NULL, 'backfill'
  FROM public.job_applications a
 WHERE NOT EXISTS (SELECT 1 FROM recruiter.application_status_events e
                    WHERE e.application_id = a.id AND e.source IN ('insert', 'backfill'))
 ORDER BY a.id;

INSERT INTO recruiter.application_status_events (application_id, from_status, to_status, changed_at, changed_by, source)
SELECT a.id, 'applied', a.status,
       GREATEST(CASE WHEN a.status = 'viewed' THEN coalesce(a.viewed_at, a.updated_at, a.applied_at, now())
                     ELSE coalesce(a.updated_at, a.applied_at, now()) END,
                coalesce(a.applied_at, now())),
       NULL, 'backfill'
  FROM public.job_applications a
 WHERE a.status <> 'applied'
   -- exactly one event so far, the creation event added above: nothing recorded a change yet
   AND (SELECT count(*) FROM recruiter.application_status_events e WHERE e.application_id = a.id) = 1
   AND EXISTS (SELECT 1 FROM recruiter.application_status_events e
                WHERE e.application_id = a.id AND e.source = 'backfill' AND e.from_status IS NULL)
 ORDER BY a.id;
