-- V32: statistics from incremental rollups kept by triggers (decision 0012).
--
-- Why: the statistics screen counted a large employer's applications row by row and replayed each one's status
-- history: seconds for the 80,000 applications of the largest company. Every panel now reads a few hundred
-- pre-aggregated rows, kept exact by triggers in the same transaction as every write, whoever writes (the client,
-- the platform's plain SQL, offline replay: they all end as writes to these tables).
--
--   recruiter.stats_application_facts   one row per application: what the statistics need to know about it, as
--                  decision 0008 defines the figures: its job, candidate and company, whether it is counted
--                  (application, candidate and job not soft-deleted), its applied day (UTC), status, furthest
--                  stage reached, source, the histogram bucket of its first reaction and of its hire, the buckets of its completed
--                  stays per stage, and its last move (latest event, or applied_at). Per-job and hiring-manager
--                  figures and the stale list read it directly (a job has at most a few thousand rows).
--   recruiter.stats_company_day          per company and applied day: applications, per current status, per
--                  furthest stage reached. Day '-infinity' is the company's all-time total; day 'infinity' holds
--                  applications without applied_at (counted in all-time figures only, as before).
--   recruiter.stats_company_durations    per company, applied day, metric and bucket: how many duration samples.
--                  metric 1..4 = a completed stay in applied / viewed / shortlisted / interview, 5 = first
--                  reaction, 6 = hire. Same '-infinity' total rows.
--   recruiter.stats_company_sources      per company, applied day and source ('' = direct): applications.
--   Only counted applications of the company's live jobs contribute to the company tables.
--
-- Durations are kept as fixed histograms: bucket 0 is under a minute, bucket b >= 1 is
-- [60 s * 2^((b-1)/4), 60 s * 2^(b/4)) (quarter octaves, a factor of 1.19 wide), the last one (80, about two
-- years) open-ended. The median and 90th percentile shown are the geometric middle of the bucket holding the
-- sample at that rank (percentile_disc): within 9 % of that sample (recruiter.stats_bucket_seconds).
--
-- For the web platform: AFTER row triggers that only write to schema recruiter (SECURITY DEFINER, fixed
-- search_path: the platform's role needs no privilege there), fired only when a column the figures use changes:
--   job_applications           recruiter_stats_application  INSERT, DELETE, UPDATE OF job_id, candidate_id, status,
--                                                           deleted_at, applied_at, viewed_at, source_ref
--   application_status_events  recruiter_stats_event        INSERT not made by the status trigger itself
--   candidates                 recruiter_stats_candidate    UPDATE OF deleted_at (live-ness changes)
--   jobs                       recruiter_stats_job          UPDATE OF company_id, deleted_at
-- A write recomputes the facts of the applications it touches from the tables (a few index probes), and adds the
-- difference between the old and the new facts to the company tables in one upsert per table, all-time row
-- first: the all-time row orders concurrent writers of one company (they queue on it until commit, which also
-- rules out deadlocks between them on the day rows).
--
-- Row-level security: the client reads the facts of the jobs it may see (its company's, or a hiring manager's
-- jobs, like job_application_counts, V30) and the company tables of its own company only (a hiring manager has
-- none: its figures come from its jobs' facts).
--
-- Bulk loads with triggers off (seed --scale large, the demo seed, the offline copy's pulls) call
-- recruiter.stats_rebuild() (set-based, locks the source tables); maintain calls recruiter.stats_recount(), which
-- reports and repairs drift on a live server without holding off writes. V33 fills the tables for the existing
-- applications.
-- Live-database safety like V30: outside a transaction, the triggers through apply_ddl (short lock waits,
-- retried). Re-runnable: IF NOT EXISTS / CREATE OR REPLACE.

CREATE OR REPLACE FUNCTION recruiter.stats_day(t timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (t AT TIME ZONE 'UTC')::date $$;
COMMENT ON FUNCTION recruiter.stats_day(timestamptz) IS
    'The statistics day of a time: its date in UTC (rollups count whole UTC days).';

CREATE OR REPLACE FUNCTION recruiter.stats_bucket(seconds double precision) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN seconds IS NULL OR seconds < 0 THEN NULL
                WHEN seconds < 60 THEN 0
                ELSE LEAST(80, 1 + floor(4 * ln(seconds / 60) / ln(2.0::double precision)))::smallint END
$$;
COMMENT ON FUNCTION recruiter.stats_bucket(double precision) IS
    'Histogram bucket of a duration: NULL for none or negative, 0 under a minute, b: [60*2^((b-1)/4), 60*2^(b/4)) s.';

CREATE OR REPLACE FUNCTION recruiter.stats_bucket_seconds(bucket integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN bucket IS NULL THEN NULL WHEN bucket = 0 THEN 30.0
                ELSE 60.0 * power(2.0::double precision, (bucket - 0.5) / 4.0) END
$$;
COMMENT ON FUNCTION recruiter.stats_bucket_seconds(integer) IS
    'The duration shown for a bucket: its geometric middle (30 s for bucket 0).';

CREATE OR REPLACE FUNCTION recruiter.stats_metric_name(metric integer) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE metric WHEN 1 THEN 'stage:applied' WHEN 2 THEN 'stage:viewed' WHEN 3 THEN 'stage:shortlisted'
                       WHEN 4 THEN 'stage:interview' WHEN 5 THEN 'first_view' WHEN 6 THEN 'hire' END
$$;

CREATE TABLE IF NOT EXISTS recruiter.stats_application_facts (
    application_id    integer                  PRIMARY KEY,
    job_id            integer                  NOT NULL,
    candidate_id      integer                  NOT NULL,
    company_id        integer,
    counted           boolean                  NOT NULL,
    day               date                     NOT NULL,
    status            public.applicationstatus NOT NULL,
    reached           smallint                 NOT NULL,
    source            text                     NOT NULL,
    first_view_bucket smallint,
    hire_bucket       smallint,
    stay_stages       smallint[]               NOT NULL,
    stay_buckets      smallint[]               NOT NULL,
    last_move         timestamptz
);
COMMENT ON TABLE recruiter.stats_application_facts IS
    'Per application, what the statistics use (decision 0012); kept by triggers. No foreign keys: platform '
    'deletes win.';

-- per job (one job, a hiring manager's jobs, a job's move), in period order
CREATE INDEX IF NOT EXISTS ix_stats_application_facts_job_day
    ON recruiter.stats_application_facts (job_id, day) WHERE counted;
-- a company's applications of a period, per job (top jobs of a period): index-only
CREATE INDEX IF NOT EXISTS ix_stats_application_facts_company_day
    ON recruiter.stats_application_facts (company_id, day) INCLUDE (job_id) WHERE counted;
-- the stale list: open applications in the order of their last move
CREATE INDEX IF NOT EXISTS ix_stats_application_facts_company_stale
    ON recruiter.stats_application_facts (company_id, last_move, application_id)
    WHERE counted AND status NOT IN ('accepted', 'rejected');
CREATE INDEX IF NOT EXISTS ix_stats_application_facts_job_stale
    ON recruiter.stats_application_facts (job_id, last_move, application_id)
    WHERE counted AND status NOT IN ('accepted', 'rejected');

CREATE TABLE IF NOT EXISTS recruiter.stats_company_day (
    company_id          integer NOT NULL,
    day                 date    NOT NULL,
    applications        integer NOT NULL,
    applied             integer NOT NULL,
    viewed              integer NOT NULL,
    shortlisted         integer NOT NULL,
    interview           integer NOT NULL,
    accepted            integer NOT NULL,
    rejected            integer NOT NULL,
    reached_viewed      integer NOT NULL,
    reached_shortlisted integer NOT NULL,
    reached_interview   integer NOT NULL,
    reached_accepted    integer NOT NULL,
    PRIMARY KEY (company_id, day)
);
COMMENT ON TABLE recruiter.stats_company_day IS
    'Counted applications per company and applied day (UTC): per status and per furthest stage; day -infinity is '
    'the all-time total, infinity the applications without applied_at. Kept by triggers (V32).';

CREATE TABLE IF NOT EXISTS recruiter.stats_company_durations (
    company_id integer  NOT NULL,
    day        date     NOT NULL,
    metric     smallint NOT NULL,
    bucket     smallint NOT NULL,
    samples    integer  NOT NULL,
    PRIMARY KEY (company_id, day, metric, bucket)
);
COMMENT ON TABLE recruiter.stats_company_durations IS
    'Duration samples per company, applied day, metric (1-4 stay in a stage, 5 first reaction, 6 hire) and '
    'histogram bucket (recruiter.stats_bucket). Kept by triggers (V32).';

CREATE TABLE IF NOT EXISTS recruiter.stats_company_sources (
    company_id   integer NOT NULL,
    day          date    NOT NULL,
    source       text    NOT NULL,
    applications integer NOT NULL,
    PRIMARY KEY (company_id, day, source)
);
COMMENT ON TABLE recruiter.stats_company_sources IS
    'Counted applications per company, applied day and source ('''' for direct). Kept by triggers (V32).';

-- What the facts of applications are now, computed from the tables: the truth the triggers store and the recount
-- compares with. Each application's events are read by its own index range (a probe per application). Plain SQL
-- without SET so the planner inlines it (the caller's array becomes an index condition).
CREATE OR REPLACE FUNCTION recruiter.stats_facts_of(p_apps integer[])
    RETURNS SETOF recruiter.stats_application_facts
    LANGUAGE sql STABLE
AS $$
    SELECT a.id, a.job_id, a.candidate_id, j.company_id,
           a.deleted_at IS NULL AND j.deleted_at IS NULL AND c.id IS NOT NULL AND c.deleted_at IS NULL,
           coalesce(recruiter.stats_day(a.applied_at), 'infinity'::date),
           a.status,
           GREATEST(1, recruiter.stage_rank(a.status), ev.max_rank)::smallint,
           coalesce(nullif(btrim(a.source_ref), ''), ''),
           recruiter.stats_bucket(extract(epoch FROM LEAST(a.viewed_at, ev.first_move) - a.applied_at)::float8),
           CASE WHEN a.status = 'accepted'
                THEN recruiter.stats_bucket(extract(epoch FROM ev.hired_at - a.applied_at)::float8) END,
           coalesce(ev.stay_stages, '{}'),
           coalesce(ev.stay_buckets, '{}'),
           coalesce(ev.last_change, a.applied_at)
      FROM public.job_applications a
      JOIN public.jobs j ON j.id = a.job_id
      LEFT JOIN public.candidates c ON c.id = a.candidate_id
      CROSS JOIN LATERAL (
          SELECT max(GREATEST(recruiter.stage_rank(s.to_status), recruiter.stage_rank(s.from_status))) AS max_rank,
                 min(s.changed_at) FILTER (WHERE s.from_status IS NOT NULL AND s.to_status <> 'applied') AS first_move,
                 min(s.changed_at) FILTER (WHERE s.from_status IS NOT NULL AND s.to_status = 'accepted') AS hired_at,
                 max(s.changed_at) AS last_change,
                 array_agg(recruiter.stage_rank(s.to_status)::smallint ORDER BY s.changed_at, s.id)
                     FILTER (WHERE s.left_at IS NOT NULL AND recruiter.stage_rank(s.to_status) BETWEEN 1 AND 4)
                     AS stay_stages,
                 array_agg(recruiter.stats_bucket(extract(epoch FROM s.left_at - s.changed_at)::float8)
                           ORDER BY s.changed_at, s.id)
                     FILTER (WHERE s.left_at IS NOT NULL AND recruiter.stage_rank(s.to_status) BETWEEN 1 AND 4)
                     AS stay_buckets
            FROM (SELECT e.id, e.from_status, e.to_status, e.changed_at,
                         lead(e.changed_at) OVER (ORDER BY e.changed_at, e.id) AS left_at
                    FROM recruiter.application_status_events e
                   WHERE e.application_id = a.id) s) ev
     WHERE a.id = ANY (p_apps)
$$;

-- Adds the facts in plus and subtracts those in minus (counted ones only) from the company tables: one upsert per
-- table, rows in (company, day) order so the all-time row (-infinity) is always taken first.
CREATE OR REPLACE FUNCTION recruiter.stats_apply(minus recruiter.stats_application_facts[],
                                                 plus recruiter.stats_application_facts[])
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    INSERT INTO recruiter.stats_company_day AS k
           (company_id, day, applications, applied, viewed, shortlisted, interview, accepted, rejected,
            reached_viewed, reached_shortlisted, reached_interview, reached_accepted)
    SELECT x.company_id, d.day, sum(x.sign),
           sum(CASE WHEN x.status = 'applied' THEN x.sign ELSE 0 END),
           sum(CASE WHEN x.status = 'viewed' THEN x.sign ELSE 0 END),
           sum(CASE WHEN x.status = 'shortlisted' THEN x.sign ELSE 0 END),
           sum(CASE WHEN x.status = 'interview' THEN x.sign ELSE 0 END),
           sum(CASE WHEN x.status = 'accepted' THEN x.sign ELSE 0 END),
           sum(CASE WHEN x.status = 'rejected' THEN x.sign ELSE 0 END),
           sum(CASE WHEN x.reached >= 2 THEN x.sign ELSE 0 END),
           sum(CASE WHEN x.reached >= 3 THEN x.sign ELSE 0 END),
           sum(CASE WHEN x.reached >= 4 THEN x.sign ELSE 0 END),
           sum(CASE WHEN x.reached >= 5 THEN x.sign ELSE 0 END)
      FROM (SELECT f.company_id, f.day, f.status, f.reached, -1 AS sign FROM unnest(minus) f
             WHERE f.counted AND f.company_id IS NOT NULL
            UNION ALL
            SELECT f.company_id, f.day, f.status, f.reached, 1 FROM unnest(plus) f
             WHERE f.counted AND f.company_id IS NOT NULL) x
      CROSS JOIN LATERAL (VALUES (x.day), ('-infinity'::date)) d(day)
     GROUP BY x.company_id, d.day
     ORDER BY x.company_id, d.day
    ON CONFLICT (company_id, day) DO UPDATE
       SET applications = k.applications + EXCLUDED.applications,
           applied = k.applied + EXCLUDED.applied,
           viewed = k.viewed + EXCLUDED.viewed,
           shortlisted = k.shortlisted + EXCLUDED.shortlisted,
           interview = k.interview + EXCLUDED.interview,
           accepted = k.accepted + EXCLUDED.accepted,
           rejected = k.rejected + EXCLUDED.rejected,
           reached_viewed = k.reached_viewed + EXCLUDED.reached_viewed,
           reached_shortlisted = k.reached_shortlisted + EXCLUDED.reached_shortlisted,
           reached_interview = k.reached_interview + EXCLUDED.reached_interview,
           reached_accepted = k.reached_accepted + EXCLUDED.reached_accepted;

    INSERT INTO recruiter.stats_company_durations AS k (company_id, day, metric, bucket, samples)
    SELECT x.company_id, d.day, x.metric, x.bucket, sum(x.sign)
      FROM (SELECT f.company_id, f.day, s.metric, s.bucket, -1 AS sign
              FROM unnest(minus) f CROSS JOIN LATERAL recruiter.stats_samples(f) s
             WHERE f.counted AND f.company_id IS NOT NULL
            UNION ALL
            SELECT f.company_id, f.day, s.metric, s.bucket, 1
              FROM unnest(plus) f CROSS JOIN LATERAL recruiter.stats_samples(f) s
             WHERE f.counted AND f.company_id IS NOT NULL) x
      CROSS JOIN LATERAL (VALUES (x.day), ('-infinity'::date)) d(day)
     GROUP BY x.company_id, d.day, x.metric, x.bucket
    HAVING sum(x.sign) <> 0
     ORDER BY x.company_id, d.day, x.metric, x.bucket
    ON CONFLICT (company_id, day, metric, bucket) DO UPDATE SET samples = k.samples + EXCLUDED.samples;

    INSERT INTO recruiter.stats_company_sources AS k (company_id, day, source, applications)
    SELECT x.company_id, d.day, x.source, sum(x.sign)
      FROM (SELECT f.company_id, f.day, f.source, -1 AS sign FROM unnest(minus) f
             WHERE f.counted AND f.company_id IS NOT NULL
            UNION ALL
            SELECT f.company_id, f.day, f.source, 1 FROM unnest(plus) f
             WHERE f.counted AND f.company_id IS NOT NULL) x
      CROSS JOIN LATERAL (VALUES (x.day), ('-infinity'::date)) d(day)
     GROUP BY x.company_id, d.day, x.source
    HAVING sum(x.sign) <> 0
     ORDER BY x.company_id, d.day, x.source
    ON CONFLICT (company_id, day, source) DO UPDATE SET applications = k.applications + EXCLUDED.applications;
END
$$;

-- The duration samples of one application: (metric, bucket) per completed stay, first reaction and hire.
CREATE OR REPLACE FUNCTION recruiter.stats_samples(f recruiter.stats_application_facts)
    RETURNS TABLE (metric smallint, bucket smallint)
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT s.stage, s.bucket FROM unnest(f.stay_stages, f.stay_buckets) s(stage, bucket) WHERE s.bucket IS NOT NULL
    UNION ALL
    SELECT 5::smallint, f.first_view_bucket WHERE f.first_view_bucket IS NOT NULL
    UNION ALL
    SELECT 6::smallint, f.hire_bucket WHERE f.hire_bucket IS NOT NULL
$$;

-- Brings the facts of these applications up to date and moves the company tables by the difference. Generic
-- plans: with an array parameter the planner would otherwise plan every call anew (about 1 ms, more than the
-- work). The company tables' rows are taken all-time row first (see stats_apply), whatever changed, so concurrent
-- writers of a company queue in one order.
CREATE OR REPLACE FUNCTION recruiter.stats_refresh(p_apps integer[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    before recruiter.stats_application_facts[];
    after  recruiter.stats_application_facts[];
BEGIN
    IF p_apps IS NULL OR cardinality(p_apps) = 0 THEN
        RETURN;
    END IF;
    SELECT array_agg(f ORDER BY f.application_id) INTO before
      FROM recruiter.stats_application_facts f WHERE f.application_id = ANY (p_apps);
    SELECT array_agg(ROW(t.*)::recruiter.stats_application_facts ORDER BY t.application_id) INTO after
      FROM recruiter.stats_facts_of(p_apps) t;
    IF before IS NOT DISTINCT FROM after THEN
        RETURN;
    END IF;
    DELETE FROM recruiter.stats_application_facts f
     WHERE f.application_id = ANY (p_apps)
       AND NOT f.application_id = ANY (coalesce((SELECT array_agg(t.application_id) FROM unnest(after) t), '{}'));
    INSERT INTO recruiter.stats_application_facts AS f
    SELECT * FROM unnest(after) ORDER BY 1
    ON CONFLICT (application_id) DO UPDATE
       SET job_id = EXCLUDED.job_id, candidate_id = EXCLUDED.candidate_id, company_id = EXCLUDED.company_id,
           counted = EXCLUDED.counted,
           day = EXCLUDED.day, status = EXCLUDED.status, reached = EXCLUDED.reached, source = EXCLUDED.source,
           first_view_bucket = EXCLUDED.first_view_bucket, hire_bucket = EXCLUDED.hire_bucket,
           stay_stages = EXCLUDED.stay_stages, stay_buckets = EXCLUDED.stay_buckets, last_move = EXCLUDED.last_move
     WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*);
    PERFORM recruiter.stats_apply(before, after);
END
$$;

-- A bulk load by the tables' owner (the demo seed) may set recruiter.stats_deferred = on for its transaction and
-- call stats_rebuild() at the end: one set-based pass instead of one refresh per row. Honoured only for a session
-- whose login is a member of the owner (current_user inside these SECURITY DEFINER functions), so neither the
-- client nor the platform's role can switch the rollups off.
CREATE OR REPLACE FUNCTION recruiter.stats_deferred() RETURNS boolean
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF coalesce(current_setting('recruiter.stats_deferred', true), '') <> 'on' THEN
        RETURN false;
    END IF;
    RETURN pg_has_role(session_user, current_user, 'MEMBER');
END
$$;

CREATE OR REPLACE FUNCTION recruiter.stats_application_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF recruiter.stats_deferred() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        PERFORM recruiter.stats_refresh(ARRAY[OLD.id]);
    ELSE
        PERFORM recruiter.stats_refresh(ARRAY[NEW.id]);
    END IF;
    RETURN NULL;
END
$$;

-- An event written by the status trigger (V10) is followed by this application's own trigger, which reads it:
-- only events inserted directly (depth 1) refresh here.
CREATE OR REPLACE FUNCTION recruiter.stats_event_added() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF pg_trigger_depth() = 1 AND NOT recruiter.stats_deferred() THEN
        PERFORM recruiter.stats_refresh(ARRAY[NEW.application_id]);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.stats_candidate_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF recruiter.stats_deferred() THEN
        RETURN NULL;
    END IF;
    PERFORM recruiter.stats_refresh(ARRAY(SELECT a.id FROM public.job_applications a
                                           WHERE a.candidate_id = NEW.id ORDER BY a.id));
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION recruiter.stats_job_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF recruiter.stats_deferred() THEN
        RETURN NULL;
    END IF;
    PERFORM recruiter.stats_refresh(ARRAY(SELECT a.id FROM public.job_applications a
                                           WHERE a.job_id = NEW.id ORDER BY a.id));
    RETURN NULL;
END
$$;

-- Rebuilds every fact and every company row from the tables, set-based, and returns how many rows it changed.
-- Holds off writes meanwhile (SHARE locks on the four source tables), so it is for bulk loads with triggers off
-- (seed --scale large, the demo seed, the offline copy after a pull), not for a live server: on the large data set
-- it takes about 90 s. maintain uses stats_recount() instead.
CREATE OR REPLACE FUNCTION recruiter.stats_rebuild() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n       bigint;
    changed bigint := 0;
BEGIN
    LOCK TABLE public.job_applications, public.candidates, public.jobs,
               recruiter.application_status_events IN SHARE MODE;

    CREATE TEMP TABLE stats_truth ON COMMIT DROP AS
    SELECT * FROM recruiter.stats_facts_of(ARRAY(SELECT a.id FROM public.job_applications a));
    DELETE FROM recruiter.stats_application_facts f
     WHERE NOT EXISTS (SELECT 1 FROM stats_truth t WHERE t.application_id = f.application_id);
    GET DIAGNOSTICS n = ROW_COUNT;
    changed := changed + n;
    INSERT INTO recruiter.stats_application_facts AS f
    SELECT * FROM stats_truth
    ON CONFLICT (application_id) DO UPDATE
       SET job_id = EXCLUDED.job_id, candidate_id = EXCLUDED.candidate_id, company_id = EXCLUDED.company_id,
           counted = EXCLUDED.counted,
           day = EXCLUDED.day, status = EXCLUDED.status, reached = EXCLUDED.reached, source = EXCLUDED.source,
           first_view_bucket = EXCLUDED.first_view_bucket, hire_bucket = EXCLUDED.hire_bucket,
           stay_stages = EXCLUDED.stay_stages, stay_buckets = EXCLUDED.stay_buckets, last_move = EXCLUDED.last_move
     WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*);
    GET DIAGNOSTICS n = ROW_COUNT;
    changed := changed + n;
    DROP TABLE stats_truth;

    -- the company tables from the (now exact) facts
    CREATE TEMP TABLE stats_day_truth ON COMMIT DROP AS
    SELECT f.company_id, coalesce(f.day, '-infinity'::date) AS day, count(*)::int AS applications,
           (count(*) FILTER (WHERE f.status = 'applied'))::int AS applied,
           (count(*) FILTER (WHERE f.status = 'viewed'))::int AS viewed,
           (count(*) FILTER (WHERE f.status = 'shortlisted'))::int AS shortlisted,
           (count(*) FILTER (WHERE f.status = 'interview'))::int AS interview,
           (count(*) FILTER (WHERE f.status = 'accepted'))::int AS accepted,
           (count(*) FILTER (WHERE f.status = 'rejected'))::int AS rejected,
           (count(*) FILTER (WHERE f.reached >= 2))::int AS reached_viewed,
           (count(*) FILTER (WHERE f.reached >= 3))::int AS reached_shortlisted,
           (count(*) FILTER (WHERE f.reached >= 4))::int AS reached_interview,
           (count(*) FILTER (WHERE f.reached >= 5))::int AS reached_accepted
      FROM recruiter.stats_application_facts f
     WHERE f.counted AND f.company_id IS NOT NULL
     GROUP BY GROUPING SETS ((f.company_id, f.day), (f.company_id));
    -- rows left at zero by the triggers are not drift
    WITH gone AS (
        DELETE FROM recruiter.stats_company_day k
         WHERE NOT EXISTS (SELECT 1 FROM stats_day_truth t WHERE t.company_id = k.company_id AND t.day = k.day)
        RETURNING k.applications <> 0 AS drift)
    SELECT count(*) FILTER (WHERE drift) INTO n FROM gone;
    changed := changed + n;
    INSERT INTO recruiter.stats_company_day AS k SELECT * FROM stats_day_truth
    ON CONFLICT (company_id, day) DO UPDATE
       SET applications = EXCLUDED.applications, applied = EXCLUDED.applied, viewed = EXCLUDED.viewed,
           shortlisted = EXCLUDED.shortlisted, interview = EXCLUDED.interview, accepted = EXCLUDED.accepted,
           rejected = EXCLUDED.rejected, reached_viewed = EXCLUDED.reached_viewed,
           reached_shortlisted = EXCLUDED.reached_shortlisted, reached_interview = EXCLUDED.reached_interview,
           reached_accepted = EXCLUDED.reached_accepted
     WHERE (k.*) IS DISTINCT FROM (EXCLUDED.*);
    GET DIAGNOSTICS n = ROW_COUNT;
    changed := changed + n;

    CREATE TEMP TABLE stats_durations_truth ON COMMIT DROP AS
    SELECT f.company_id, coalesce(f.day, '-infinity'::date) AS day, s.metric, s.bucket, count(*)::int AS samples
      FROM recruiter.stats_application_facts f
      CROSS JOIN LATERAL recruiter.stats_samples(f) s
     WHERE f.counted AND f.company_id IS NOT NULL
     GROUP BY GROUPING SETS ((f.company_id, f.day, s.metric, s.bucket), (f.company_id, s.metric, s.bucket));
    WITH gone AS (
        DELETE FROM recruiter.stats_company_durations k
         WHERE NOT EXISTS (SELECT 1 FROM stats_durations_truth t WHERE t.company_id = k.company_id
                              AND t.day = k.day AND t.metric = k.metric AND t.bucket = k.bucket)
        RETURNING k.samples <> 0 AS drift)
    SELECT count(*) FILTER (WHERE drift) INTO n FROM gone;
    changed := changed + n;
    INSERT INTO recruiter.stats_company_durations AS k SELECT * FROM stats_durations_truth
    ON CONFLICT (company_id, day, metric, bucket) DO UPDATE SET samples = EXCLUDED.samples
     WHERE k.samples <> EXCLUDED.samples;
    GET DIAGNOSTICS n = ROW_COUNT;
    changed := changed + n;

    CREATE TEMP TABLE stats_sources_truth ON COMMIT DROP AS
    SELECT f.company_id, coalesce(f.day, '-infinity'::date) AS day, f.source, count(*)::int AS applications
      FROM recruiter.stats_application_facts f
     WHERE f.counted AND f.company_id IS NOT NULL
     GROUP BY GROUPING SETS ((f.company_id, f.day, f.source), (f.company_id, f.source));
    WITH gone AS (
        DELETE FROM recruiter.stats_company_sources k
         WHERE NOT EXISTS (SELECT 1 FROM stats_sources_truth t WHERE t.company_id = k.company_id
                              AND t.day = k.day AND t.source = k.source)
        RETURNING k.applications <> 0 AS drift)
    SELECT count(*) FILTER (WHERE drift) INTO n FROM gone;
    changed := changed + n;
    INSERT INTO recruiter.stats_company_sources AS k SELECT * FROM stats_sources_truth
    ON CONFLICT (company_id, day, source) DO UPDATE SET applications = EXCLUDED.applications
     WHERE k.applications <> EXCLUDED.applications;
    GET DIAGNOSTICS n = ROW_COUNT;
    changed := changed + n;

    DROP TABLE stats_day_truth, stats_durations_truth, stats_sources_truth;
    RETURN changed;
END
$$;

-- maintain's recount on a live server: reports and repairs drift without holding off the platform's writes.
-- Every trigger writes the facts and the company rows in the writer's own transaction, so any one snapshot is
-- consistent: the comparisons below need no lock. Repairs lock only what they touch:
--   1. facts that differ from a recomputation: their applications' rows are locked (FOR UPDATE, as a status change
--      would) and the facts rewritten from the tables, without touching the company tables;
--   2. companies whose rows differ from the sum of their (now exact) facts: the company's all-time row in
--      stats_company_day is locked first, as every writer takes it first (stats_apply), so no write of that
--      company is halfway while its rows are recomputed from its facts.
-- Returns the number of fact rows plus company rows that had drifted (0 when the triggers kept up). Normally it
-- only reads: about the time of one pass over the facts and the history.
CREATE OR REPLACE FUNCTION recruiter.stats_recount() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    drifted  integer[];
    n        bigint;
    changed  bigint := 0;
    company  record;
BEGIN
    SELECT array_agg(coalesce(t.application_id, f.application_id)) INTO drifted
      FROM recruiter.stats_facts_of(ARRAY(SELECT a.id FROM public.job_applications a)) t
      FULL JOIN recruiter.stats_application_facts f ON f.application_id = t.application_id
     WHERE (t.*) IS DISTINCT FROM (f.*);
    IF drifted IS NOT NULL THEN
        PERFORM 1 FROM public.job_applications a WHERE a.id = ANY (drifted) ORDER BY a.id FOR UPDATE;
        DELETE FROM recruiter.stats_application_facts f
         WHERE f.application_id = ANY (drifted)
           AND NOT EXISTS (SELECT 1 FROM public.job_applications a WHERE a.id = f.application_id);
        GET DIAGNOSTICS n = ROW_COUNT;
        changed := changed + n;
        INSERT INTO recruiter.stats_application_facts AS f
        SELECT * FROM recruiter.stats_facts_of(drifted)
        ON CONFLICT (application_id) DO UPDATE
           SET job_id = EXCLUDED.job_id, candidate_id = EXCLUDED.candidate_id, company_id = EXCLUDED.company_id,
           counted = EXCLUDED.counted,
               day = EXCLUDED.day, status = EXCLUDED.status, reached = EXCLUDED.reached, source = EXCLUDED.source,
               first_view_bucket = EXCLUDED.first_view_bucket, hire_bucket = EXCLUDED.hire_bucket,
               stay_stages = EXCLUDED.stay_stages, stay_buckets = EXCLUDED.stay_buckets,
               last_move = EXCLUDED.last_move
         WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*);
        GET DIAGNOSTICS n = ROW_COUNT;
        changed := changed + n;
    END IF;

    FOR company IN
        WITH facts AS (
            SELECT f.* FROM recruiter.stats_application_facts f WHERE f.counted AND f.company_id IS NOT NULL),
        days AS (
            SELECT f.company_id, coalesce(f.day, '-infinity'::date) AS day, count(*)::int AS applications,
                   (count(*) FILTER (WHERE f.status = 'applied'))::int AS applied,
                   (count(*) FILTER (WHERE f.status = 'viewed'))::int AS viewed,
                   (count(*) FILTER (WHERE f.status = 'shortlisted'))::int AS shortlisted,
                   (count(*) FILTER (WHERE f.status = 'interview'))::int AS interview,
                   (count(*) FILTER (WHERE f.status = 'accepted'))::int AS accepted,
                   (count(*) FILTER (WHERE f.status = 'rejected'))::int AS rejected,
                   (count(*) FILTER (WHERE f.reached >= 2))::int AS reached_viewed,
                   (count(*) FILTER (WHERE f.reached >= 3))::int AS reached_shortlisted,
                   (count(*) FILTER (WHERE f.reached >= 4))::int AS reached_interview,
                   (count(*) FILTER (WHERE f.reached >= 5))::int AS reached_accepted
              FROM facts f GROUP BY GROUPING SETS ((f.company_id, f.day), (f.company_id))),
        durations AS (
            SELECT f.company_id, coalesce(f.day, '-infinity'::date) AS day, s.metric, s.bucket,
                   count(*)::int AS samples
              FROM facts f CROSS JOIN LATERAL recruiter.stats_samples(f) s
             GROUP BY GROUPING SETS ((f.company_id, f.day, s.metric, s.bucket), (f.company_id, s.metric, s.bucket))),
        sources AS (
            SELECT f.company_id, coalesce(f.day, '-infinity'::date) AS day, f.source, count(*)::int AS applications
              FROM facts f GROUP BY GROUPING SETS ((f.company_id, f.day, f.source), (f.company_id, f.source))),
        diff AS (
            SELECT coalesce(t.company_id, k.company_id) AS company_id
              FROM days t FULL JOIN recruiter.stats_company_day k ON k.company_id = t.company_id AND k.day = t.day
             WHERE (coalesce(t.applications, 0), coalesce(t.applied, 0), coalesce(t.viewed, 0),
                    coalesce(t.shortlisted, 0), coalesce(t.interview, 0), coalesce(t.accepted, 0),
                    coalesce(t.rejected, 0), coalesce(t.reached_viewed, 0), coalesce(t.reached_shortlisted, 0),
                    coalesce(t.reached_interview, 0), coalesce(t.reached_accepted, 0))
                   IS DISTINCT FROM
                   (coalesce(k.applications, 0), coalesce(k.applied, 0), coalesce(k.viewed, 0),
                    coalesce(k.shortlisted, 0), coalesce(k.interview, 0), coalesce(k.accepted, 0),
                    coalesce(k.rejected, 0), coalesce(k.reached_viewed, 0), coalesce(k.reached_shortlisted, 0),
                    coalesce(k.reached_interview, 0), coalesce(k.reached_accepted, 0))
            UNION ALL
            SELECT coalesce(t.company_id, k.company_id)
              FROM durations t FULL JOIN recruiter.stats_company_durations k
                ON k.company_id = t.company_id AND k.day = t.day AND k.metric = t.metric AND k.bucket = t.bucket
             WHERE coalesce(t.samples, 0) <> coalesce(k.samples, 0)
            UNION ALL
            SELECT coalesce(t.company_id, k.company_id)
              FROM sources t FULL JOIN recruiter.stats_company_sources k
                ON k.company_id = t.company_id AND k.day = t.day AND k.source = t.source
             WHERE coalesce(t.applications, 0) <> coalesce(k.applications, 0))
        SELECT d.company_id, count(*) AS rows FROM diff d GROUP BY d.company_id ORDER BY d.company_id
    LOOP
        -- the company's queue: every writer of this company takes this row first
        INSERT INTO recruiter.stats_company_day AS k
               (company_id, day, applications, applied, viewed, shortlisted, interview, accepted, rejected,
                reached_viewed, reached_shortlisted, reached_interview, reached_accepted)
        VALUES (company.company_id, '-infinity', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        ON CONFLICT (company_id, day) DO NOTHING;
        PERFORM 1 FROM recruiter.stats_company_day k
         WHERE k.company_id = company.company_id AND k.day = '-infinity' FOR UPDATE;
        DELETE FROM recruiter.stats_company_day k WHERE k.company_id = company.company_id;
        DELETE FROM recruiter.stats_company_durations k WHERE k.company_id = company.company_id;
        DELETE FROM recruiter.stats_company_sources k WHERE k.company_id = company.company_id;
        PERFORM recruiter.stats_apply('{}', ARRAY(SELECT f FROM recruiter.stats_application_facts f
                                                  WHERE f.company_id = company.company_id AND f.counted));
        changed := changed + company.rows;
    END LOOP;
    RETURN changed;
END
$$;

REVOKE ALL ON FUNCTION recruiter.stats_facts_of(integer[]),
    recruiter.stats_apply(recruiter.stats_application_facts[], recruiter.stats_application_facts[]),
    recruiter.stats_refresh(integer[]), recruiter.stats_application_changed(), recruiter.stats_event_added(),
    recruiter.stats_candidate_changed(), recruiter.stats_job_changed(), recruiter.stats_recount(),
    recruiter.stats_rebuild(), recruiter.stats_deferred() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recruiter.stats_day(timestamptz), recruiter.stats_bucket(double precision),
    recruiter.stats_bucket_seconds(integer), recruiter.stats_metric_name(integer),
    recruiter.stats_samples(recruiter.stats_application_facts) TO recruiter_app;

-- Row-level security at job granularity: the facts of the jobs the session may see (as the jobs policy, V22:
-- its company's, or a hiring manager's jobs), the company tables of its own company. The facts' condition is
-- that OR written as a CASE on purpose: as an OR the planner turns it into a BitmapOr of both index branches,
-- which reads the whole company for one job's figures (96 ms instead of 1.6 ms on the large data set) and loses
-- the stale list's index order (2 s instead of 5 ms); as a CASE it stays a filter on the rows the statement's own
-- predicates find by index.
ALTER TABLE recruiter.stats_application_facts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.stats_application_facts;
CREATE POLICY recruiter_app_read ON recruiter.stats_application_facts FOR SELECT TO recruiter_app
    USING (CASE WHEN company_id = (SELECT recruiter.session_company_id()) THEN true
                ELSE job_id = ANY ((SELECT recruiter.session_job_ids())::integer[]) END);
GRANT SELECT ON recruiter.stats_application_facts TO recruiter_app;

ALTER TABLE recruiter.stats_company_day ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.stats_company_day;
CREATE POLICY recruiter_app_read ON recruiter.stats_company_day FOR SELECT TO recruiter_app
    USING (company_id = (SELECT recruiter.session_company_id()));
GRANT SELECT ON recruiter.stats_company_day TO recruiter_app;

ALTER TABLE recruiter.stats_company_durations ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.stats_company_durations;
CREATE POLICY recruiter_app_read ON recruiter.stats_company_durations FOR SELECT TO recruiter_app
    USING (company_id = (SELECT recruiter.session_company_id()));
GRANT SELECT ON recruiter.stats_company_durations TO recruiter_app;

ALTER TABLE recruiter.stats_company_sources ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.stats_company_sources;
CREATE POLICY recruiter_app_read ON recruiter.stats_company_sources FOR SELECT TO recruiter_app
    USING (company_id = (SELECT recruiter.session_company_id()));
GRANT SELECT ON recruiter.stats_company_sources TO recruiter_app;

CALL recruiter.apply_ddl(ARRAY[
$ddl$
CREATE OR REPLACE TRIGGER recruiter_stats_application
    AFTER INSERT OR DELETE OR UPDATE OF job_id, candidate_id, status, deleted_at, applied_at, viewed_at, source_ref
    ON public.job_applications
    FOR EACH ROW EXECUTE FUNCTION recruiter.stats_application_changed()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_stats_event
    AFTER INSERT ON recruiter.application_status_events
    FOR EACH ROW EXECUTE FUNCTION recruiter.stats_event_added()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_stats_candidate
    AFTER UPDATE OF deleted_at ON public.candidates
    FOR EACH ROW WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION recruiter.stats_candidate_changed()
$ddl$,
$ddl$
CREATE OR REPLACE TRIGGER recruiter_stats_job
    AFTER UPDATE OF company_id, deleted_at ON public.jobs
    FOR EACH ROW WHEN (OLD.company_id IS DISTINCT FROM NEW.company_id
                       OR (OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION recruiter.stats_job_changed()
$ddl$
]);
