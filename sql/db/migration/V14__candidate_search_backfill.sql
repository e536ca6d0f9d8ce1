-- V14: fill recruiter.candidate_search for the candidates that existed before V13.
--
-- For the web platform: nothing changes (its tables are only read). Candidates created or edited since V13
-- already have a row written by the triggers; they are left as they are.
--
-- Live-database safety: one INSERT ... SELECT that only reads candidates, users and skills; the GIN index is
-- maintained as rows go in (it already existed, empty, so nothing blocks the triggers meanwhile).
-- Re-runnable: ON CONFLICT DO NOTHING.

INSERT INTO recruiter.candidate_search (candidate_id, user_id, document, refreshed_at)
SELECT c.id, c.user_id, recruiter.candidate_search_document(c.id), now()
  FROM public.candidates c
 ORDER BY c.id
ON CONFLICT (candidate_id) DO NOTHING;
