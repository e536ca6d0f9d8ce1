package co.intowork.recruiter.stats;

import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever the history of writes, every statistics figure read from the rollups (V32) equals the exact
 * answer computed from the tables (decision 0008's definitions, written here independently as plain SQL over
 * job_applications and the status history), for random scopes, periods and jobs.
 * <p>
 * Each seed plays a random history: applications created in any status, moved back and forth and skipping stages
 * (as a signed-in client under row-level security, and as the tables' owner with plain SQL, as the platform
 * writes), viewed, re-dated, re-sourced, soft-deleted and restored, hard-deleted; candidates soft-deleted and
 * restored; jobs moved between companies, soft-deleted and restored; history events written directly with their
 * own times (durations other than the test's milliseconds). Figures are compared every 40 steps and at the end,
 * and the recount then finds nothing to repair.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsRollupPropertyTest {
    private static final String[] STATUSES = {"applied", "viewed", "shortlisted", "interview", "accepted", "rejected"};
    private static final String[] SOURCES = {null, "", "linkedin", " linkedin ", "referral", "jobberman"};
    private static final int[] JOBS = {11, 12, 13, 14, 21, 22};
    private static final int CANDIDATES = 40;
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private TestDatabase.Db db;
    private Database anneDb;
    private Database brunoDb;
    private Database hugoDb;
    private SignedInUser anne;
    private SignedInUser bruno;
    private SignedInUser hugo;

    @BeforeAll
    void setUp() throws SQLException {
        db = TwoCompanies.create("stats_rollups");
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "INSERT INTO public.users (id, email, password_hash, role, first_name, last_name)"
                    + " SELECT 200 + g, 'cand' || g || '@example.com', 'x', 'CANDIDATE', 'Cand', 'N' || g"
                    + " FROM generate_series(1, " + CANDIDATES + ") g");
            exec(c, "INSERT INTO public.candidates (id, user_id, title) SELECT 200 + g, 200 + g, 'c'"
                    + " FROM generate_series(1, " + CANDIDATES + ") g");
            exec(c, "INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type,"
                    + " location_type, status) VALUES (13, 1, 1, 'Alpha analyst', 'd', 'full_time', 'remote',"
                    + " 'published'), (14, 2, 1, 'Alpha designer', 'd', 'full_time', 'remote', 'closed'),"
                    + " (22, 3, 2, 'Beta analyst', 'd', 'full_time', 'remote', 'published')");
            exec(c, "INSERT INTO recruiter.job_hiring_managers (job_id, user_id, added_by) VALUES (14, 4, 1)");
        }
        anneDb = MigratedDatabase.openAsClient(db, "stats_rollups_client");
        brunoDb = MigratedDatabase.openAsClient(db, "stats_rollups_client");
        hugoDb = MigratedDatabase.openAsClient(db, "stats_rollups_client");
        anne = StatsServiceTest.signIn(anneDb, TwoCompanies.ANNE);
        bruno = StatsServiceTest.signIn(brunoDb, TwoCompanies.BRUNO);
        hugo = StatsServiceTest.signIn(hugoDb, TwoCompanies.HUGO);
    }

    @AfterAll
    void close() {
        anneDb.close();
        brunoDb.close();
        hugoDb.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void rollupFiguresEqualTheExactAnswer(int seed) throws SQLException {
        Random r = new Random(seed);
        try (Connection owner = db.superuser().getConnection()) {
            for (int step = 1; step <= 160; step++) {
                play(owner, r);
                if (step % 40 == 0) {
                    compare(owner, r, 12);
                }
            }
            assertThat(value(owner, "SELECT recruiter.stats_recount()")).as("drift found by the recount")
                    .isEqualTo(0L);

            // drift made behind the triggers' back (a bulk write with triggers off): the recount reports and
            // repairs it, and the figures are exact again
            exec(owner, "DELETE FROM recruiter.stats_application_facts WHERE application_id IN"
                    + " (SELECT application_id FROM recruiter.stats_application_facts ORDER BY application_id LIMIT 2)");
            exec(owner, "UPDATE recruiter.stats_company_durations SET samples = samples + 3 WHERE (company_id, day,"
                    + " metric, bucket) IN (SELECT company_id, day, metric, bucket FROM"
                    + " recruiter.stats_company_durations ORDER BY 1, 2, 3, 4 LIMIT 1)");
            exec(owner, "UPDATE recruiter.stats_company_day SET reached_accepted = reached_accepted + 1"
                    + " WHERE company_id = 2 AND day = '-infinity'");
            assertThat((Long) value(owner, "SELECT recruiter.stats_recount()")).as("drift repaired").isEqualTo(4L);
            compare(owner, r, 6);
            assertThat(value(owner, "SELECT recruiter.stats_recount()")).isEqualTo(0L);
        }
    }

    // ---- the random history ------------------------------------------------------------------------------------

    private void play(Connection owner, Random r) throws SQLException {
        int op = r.nextInt(100);
        Integer app = anyApplication(owner, r);
        if (op < 22 || app == null) {
            int job = JOBS[r.nextInt(JOBS.length)];
            int candidate = 200 + 1 + r.nextInt(CANDIDATES);
            OffsetDateTime applied = START.plusSeconds(r.nextInt(100 * 86_400));
            String source = SOURCES[r.nextInt(SOURCES.length)];
            exec(owner, "INSERT INTO public.job_applications (job_id, candidate_id, status, applied_at, source_ref)"
                    + " VALUES (?, ?, ?::public.applicationstatus, ?, ?) ON CONFLICT DO NOTHING", job, candidate,
                    r.nextInt(4) == 0 ? STATUSES[r.nextInt(STATUSES.length)] : "applied", applied, source);
        } else if (op < 42) {
            // the platform's plain SQL: a move, forwards, backwards or skipping stages
            exec(owner, "UPDATE public.job_applications SET status = ?::public.applicationstatus WHERE id = ?",
                    STATUSES[r.nextInt(STATUSES.length)], app);
        } else if (op < 57) {
            // a signed-in client (row-level security: another company's application is simply not changed)
            Database client = r.nextBoolean() ? anneDb : brunoDb;
            String status = STATUSES[r.nextInt(STATUSES.length)];
            client.unitOfWork().run(s -> {
                try (PreparedStatement ps = s.getConnection().prepareStatement(
                        "SELECT set_config('recruiter.actor_user_id', '1', true)")) {
                    ps.execute();
                }
                try (PreparedStatement ps = s.getConnection().prepareStatement(
                        "UPDATE public.job_applications SET status = ?::public.applicationstatus WHERE id = ?")) {
                    ps.setString(1, status);
                    ps.setInt(2, app);
                    ps.executeUpdate();
                }
            });
        } else if (op < 62) {
            exec(owner, "UPDATE public.job_applications SET viewed_at = applied_at + ? * interval '1 hour'"
                    + " WHERE id = ?", r.nextInt(200) - 10, app);
        } else if (op < 66) {
            exec(owner, "UPDATE public.job_applications SET applied_at = ?, source_ref = ? WHERE id = ?",
                    START.plusSeconds(r.nextInt(100 * 86_400)), SOURCES[r.nextInt(SOURCES.length)], app);
        } else if (op < 72) {
            exec(owner, "UPDATE public.job_applications SET deleted_at = CASE WHEN deleted_at IS NULL THEN now() END"
                    + " WHERE id = ?", app);
        } else if (op < 75) {
            exec(owner, "DELETE FROM public.job_applications WHERE id = ? AND id >= 1000", app);
        } else if (op < 80) {
            exec(owner, "UPDATE public.candidates SET deleted_at = CASE WHEN deleted_at IS NULL THEN now() END"
                    + " WHERE id = ?", 200 + 1 + r.nextInt(CANDIDATES));
        } else if (op < 84) {
            exec(owner, "UPDATE public.jobs SET company_id = CASE company_id WHEN 1 THEN 2 ELSE 1 END WHERE id = ?",
                    JOBS[r.nextInt(JOBS.length)]);
        } else if (op < 87) {
            exec(owner, "UPDATE public.jobs SET deleted_at = CASE WHEN deleted_at IS NULL THEN now() END"
                    + " WHERE id = ?", JOBS[r.nextInt(JOBS.length)]);
        } else {
            // history written with its own time (e.g. imported by the platform): a stay of hours to weeks
            String from = r.nextInt(5) == 0 ? null : STATUSES[r.nextInt(STATUSES.length)];
            exec(owner, "INSERT INTO recruiter.application_status_events (application_id, from_status, to_status,"
                    + " changed_at, source) SELECT a.id, ?::public.applicationstatus, ?::public.applicationstatus,"
                    + " coalesce(a.applied_at, now()) + ? * interval '1 minute', 'platform'"
                    + " FROM public.job_applications a WHERE a.id = ?",
                    from, STATUSES[r.nextInt(STATUSES.length)], r.nextInt(60 * 24 * 40) - 600, app);
        }
    }

    private static Integer anyApplication(Connection c, Random r) throws SQLException {
        Object n = value(c, "SELECT count(*) FROM public.job_applications");
        long count = ((Number) n).longValue();
        if (count == 0) {
            return null;
        }
        Object id = value(c, "SELECT id FROM public.job_applications ORDER BY id OFFSET ? LIMIT 1",
                (long) r.nextInt((int) count));
        return ((Number) id).intValue();
    }

    // ---- the comparison ----------------------------------------------------------------------------------------

    private void compare(Connection owner, Random r, int queries) throws SQLException {
        for (int i = 0; i < queries; i++) {
            int who = r.nextInt(3);
            Database client = who == 0 ? anneDb : who == 1 ? brunoDb : hugoDb;
            SignedInUser user = who == 0 ? anne : who == 1 ? bruno : hugo;
            Integer job = r.nextInt(3) == 0 ? JOBS[r.nextInt(JOBS.length)] : null;
            LocalDate from = r.nextInt(3) == 0 ? null : LocalDate.of(2025, 12, 20).plusDays(r.nextInt(110));
            LocalDate to = r.nextInt(3) == 0 ? null : (from == null ? LocalDate.of(2026, 1, 1) : from)
                    .plusDays(r.nextInt(70));
            if (from != null && to != null && to.isBefore(from)) {
                to = from;
            }
            StatsQuery q = StatsQuery.of(user, job, from, to, 0);
            StatsService.Overview rollup = new StatsService(client.unitOfWork(), null).overview(q);
            Exact exact = new Exact(owner, q);
            String what = user.email() + " job " + job + " " + from + ".." + to;
            assertThat(rollup.dashboard()).as("dashboard " + what).isEqualTo(exact.dashboard());
            assertThat(rollup.funnel()).as("funnel " + what).isEqualTo(exact.funnel());
            assertThat(rollup.times()).as("times " + what).isEqualTo(exact.times());
            assertThat(rollup.stale()).as("stale " + what).isEqualTo(exact.stale());
            assertThat(rollup.trends().weeks()).as("weekly " + what).isEqualTo(exact.weekly());
            assertThat(rollup.trends().sources()).as("sources " + what).isEqualTo(exact.sources());
            assertThat(rollup.trends().topJobs()).as("top jobs " + what).isEqualTo(exact.topJobs());
        }
    }

    /** The figures straight from the tables, as decision 0008 defines them. */
    private static final class Exact {
        private final Connection c;
        private final String jobs;
        private final String allApps;
        private final String apps;

        Exact(Connection c, StatsQuery q) {
            this.c = c;
            // literal values generated by the test itself
            String scope = q.companyId() != null ? "j.company_id = " + q.companyId()
                    : "j.id IN (SELECT m.job_id FROM recruiter.job_hiring_managers m WHERE m.user_id = " + q.userId()
                    + ")";
            this.jobs = "SELECT j.* FROM public.jobs j WHERE j.deleted_at IS NULL AND " + scope
                    + (q.jobId() == null ? "" : " AND j.id = " + q.jobId());
            this.allApps = "SELECT a.* FROM (" + jobs + ") j"
                    + " JOIN public.job_applications a ON a.job_id = j.id AND a.deleted_at IS NULL"
                    + " JOIN public.candidates c ON c.id = a.candidate_id AND c.deleted_at IS NULL";
            this.apps = allApps + " WHERE true"
                    + (q.from() == null ? "" : " AND a.applied_at >= '" + q.from() + "'")
                    + (q.to() == null ? "" : " AND a.applied_at < '" + q.to() + "'");
        }

        Dashboard dashboard() throws SQLException {
            return one("SELECT (SELECT count(*) FROM (" + jobs + ") j WHERE j.status = 'published'),"
                    + " count(*), count(*) FILTER (WHERE a.status = 'applied'),"
                    + " count(*) FILTER (WHERE a.status = 'interview'), count(*) FILTER (WHERE a.status = 'accepted'),"
                    + " count(*) FILTER (WHERE a.status = 'rejected'),"
                    + " (count(*) FILTER (WHERE a.status <> 'applied'))::float8 / nullif(count(*), 0)"
                    + " FROM (" + apps + ") a",
                    rs -> new Dashboard(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), (Double) rs.getObject(7)));
        }

        Funnel funnel() throws SQLException {
            return one("SELECT count(*), count(*) FILTER (WHERE r >= 2), count(*) FILTER (WHERE r >= 3),"
                    + " count(*) FILTER (WHERE r >= 4), count(*) FILTER (WHERE r >= 5)"
                    + " FROM (SELECT GREATEST(1, recruiter.stage_rank(a.status),"
                    + "  (SELECT max(GREATEST(recruiter.stage_rank(e.to_status), recruiter.stage_rank(e.from_status)))"
                    + "     FROM recruiter.application_status_events e WHERE e.application_id = a.id)) AS r"
                    + " FROM (" + apps + ") a) x",
                    rs -> new Funnel(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        }

        /** Exact samples; the median and p90 shown are the histogram's: the bucket of the percentile_disc sample. */
        List<TimeMetric> times() throws SQLException {
            String sql = "WITH apps AS (" + apps + "),"
                    + " ev AS (SELECT e.*, lead(e.changed_at) OVER (PARTITION BY e.application_id"
                    + "   ORDER BY e.changed_at, e.id) AS left_at FROM apps x"
                    + "   JOIN recruiter.application_status_events e ON e.application_id = x.id),"
                    + " per_app AS (SELECT x.id, x.applied_at, x.status, LEAST(x.viewed_at, min(ev.changed_at)"
                    + "   FILTER (WHERE ev.from_status IS NOT NULL AND ev.to_status <> 'applied')) AS first_seen,"
                    + "   min(ev.changed_at) FILTER (WHERE ev.from_status IS NOT NULL AND ev.to_status = 'accepted')"
                    + "   AS hired_at FROM apps x LEFT JOIN ev ON ev.application_id = x.id"
                    + "   GROUP BY x.id, x.applied_at, x.status, x.viewed_at),"
                    + " samples AS (SELECT 'stage:' || ev.to_status::text AS metric,"
                    + "   extract(epoch FROM ev.left_at - ev.changed_at)::float8 AS seconds FROM ev"
                    + "   WHERE ev.left_at IS NOT NULL AND recruiter.stage_rank(ev.to_status) BETWEEN 1 AND 4"
                    + "  UNION ALL SELECT 'first_view', extract(epoch FROM p.first_seen - p.applied_at)::float8"
                    + "   FROM per_app p WHERE p.first_seen IS NOT NULL"
                    + "  UNION ALL SELECT 'hire', extract(epoch FROM p.hired_at - p.applied_at)::float8"
                    + "   FROM per_app p WHERE p.status = 'accepted' AND p.hired_at IS NOT NULL)"
                    + " SELECT s.metric, count(*),"
                    + "  recruiter.stats_bucket_seconds(recruiter.stats_bucket("
                    + "    percentile_disc(0.5) WITHIN GROUP (ORDER BY s.seconds))),"
                    + "  recruiter.stats_bucket_seconds(recruiter.stats_bucket("
                    + "    percentile_disc(0.9) WITHIN GROUP (ORDER BY s.seconds)))"
                    + " FROM samples s WHERE s.seconds >= 0 GROUP BY s.metric ORDER BY s.metric";
            return list(sql, rs -> new TimeMetric(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
        }

        List<StaleApplication> stale() throws SQLException {
            // staleDays 0: every open application whose last move is in the past, oldest first
            return list("SELECT a.id, a.job_id, j.title, btrim(coalesce(u.first_name, '') || ' '"
                    + " || coalesce(u.last_name, '')), a.status::text, coalesce(e.changed_at, a.applied_at) AS m"
                    + " FROM (" + allApps + ") a"
                    + " JOIN public.jobs j ON j.id = a.job_id JOIN public.candidates c ON c.id = a.candidate_id"
                    + " JOIN public.users u ON u.id = c.user_id"
                    + " LEFT JOIN LATERAL (SELECT ev.changed_at FROM recruiter.application_status_events ev"
                    + "   WHERE ev.application_id = a.id ORDER BY ev.changed_at DESC LIMIT 1) e ON true"
                    + " WHERE a.status NOT IN ('accepted', 'rejected') AND coalesce(e.changed_at, a.applied_at) < now()"
                    + " ORDER BY m, a.id LIMIT " + StatsService.STALE_LIMIT,
                    rs -> new StaleApplication(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class)));
        }

        List<Trends.WeekCount> weekly() throws SQLException {
            return list("SELECT date_trunc('week', a.applied_at AT TIME ZONE 'UTC')::date, count(*)"
                    + " FROM (" + apps + ") a WHERE a.applied_at IS NOT NULL GROUP BY 1 ORDER BY 1",
                    rs -> new Trends.WeekCount(rs.getObject(1, LocalDate.class), rs.getLong(2)));
        }

        List<Trends.SourceCount> sources() throws SQLException {
            return list("SELECT nullif(btrim(a.source_ref), ''), count(*) FROM (" + apps + ") a"
                    + " GROUP BY 1 ORDER BY 2 DESC, 1 NULLS FIRST",
                    rs -> new Trends.SourceCount(rs.getString(1), rs.getLong(2)));
        }

        List<Trends.JobCount> topJobs() throws SQLException {
            return list("SELECT a.job_id, j.title, count(*) FROM (" + apps + ") a JOIN public.jobs j ON j.id = a.job_id"
                    + " GROUP BY a.job_id, j.title ORDER BY 3 DESC, 1 LIMIT " + StatsService.TOP_JOBS,
                    rs -> new Trends.JobCount(rs.getInt(1), rs.getString(2), rs.getLong(3)));
        }

        interface Row<T> {
            T map(ResultSet rs) throws SQLException;
        }

        private <T> T one(String sql, Row<T> row) throws SQLException {
            List<T> all = list(sql, row);
            assertThat(all).hasSize(1);
            return all.get(0);
        }

        private <T> List<T> list(String sql, Row<T> row) throws SQLException {
            List<T> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        }
    }
}
