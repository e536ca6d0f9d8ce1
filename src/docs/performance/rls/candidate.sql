-- Candidate review: profile with name and email, then experiences, educations and skills.
\set n random(0, :ncandidates - 1)
SELECT candidate_id AS k FROM bench.candidates_big OFFSET :n LIMIT 1 \gset
BEGIN;
SELECT recruiter.use_session(:token);
SELECT c.id, c.title, c.summary, c.location, c.years_experience, c.salary_expectation_min,
       c.salary_expectation_max, u.first_name, u.last_name, u.email
  FROM public.candidates c JOIN public.users u ON u.id = c.user_id
 WHERE c.id = :k;
SELECT e.title, e.company, e.start_date, e.end_date FROM public.experiences e WHERE e.candidate_id = :k
 ORDER BY e.start_date DESC;
SELECT d.degree, d.school, d.end_date FROM public.educations d WHERE d.candidate_id = :k;
SELECT s.name, s.level, s.category FROM public.skills s WHERE s.candidate_id = :k ORDER BY s.level DESC;
COMMIT;
