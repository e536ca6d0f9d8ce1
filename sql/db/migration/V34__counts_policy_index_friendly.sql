-- V34: the per-job counts' read policy (V30) written so the planner keeps it a filter.
--
-- The policy is "the session's company, or one of its hiring-manager jobs". Written as an OR, the planner turns
-- it into a BitmapOr of both index branches and reads the company's 8,000 rows through a bitmap heap scan even
-- where the statement's own predicate picks the rows (all-time dashboard 15.7 ms, top jobs 7.8 ms for the
-- largest company, signed in as the client). The same condition as a CASE cannot become an index condition: the
-- statement's predicates drive the index and the policy filters what they find (3.4 ms and 3.2 ms). Same rows
-- visible as before (a NULL company goes to the hiring-manager branch, as the OR did). V32 does the same for the
-- statistics facts.
--
-- For the web platform: nothing changes (a policy for recruiter_app only). Re-runnable: ALTER POLICY.

SET LOCAL lock_timeout = '5s';

ALTER POLICY recruiter_app_read ON recruiter.job_application_counts
    USING (CASE WHEN company_id = (SELECT recruiter.session_company_id()) THEN true
                ELSE job_id = ANY ((SELECT recruiter.session_job_ids())::integer[]) END);
