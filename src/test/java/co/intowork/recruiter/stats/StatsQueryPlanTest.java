package co.intowork.recruiter.stats;

import co.intowork.recruiter.common.db.migrations.MigratedDatabases;

import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.testing.DemoDatabase;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.NestedPlans;
import co.intowork.recruiter.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan guard: on demo-sized data plus 8,000 jobs and 40,000 applications of other companies, after ANALYZE, each
 * statistics statement, run as a signed-in client under row-level security, reads no platform table (nor the
 * status history) with a sequential scan that actually runs. EXPLAIN ANALYZE timings are logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsQueryPlanTest {
    private static final Logger log = LoggerFactory.getLogger(StatsQueryPlanTest.class);
    private static final String NS = "co.intowork.recruiter.stats.StatsMapper.";
    private static final Set<String> GUARDED = Set.of("jobs", "job_applications", "candidates", "users",
            "notifications", "application_status_events");

    TestDatabase.Db db;
    Database client;
    SignedInUser aicha;

    @BeforeAll
    void seed() throws Exception {
        db = DemoDatabase.create("stats_plans", new DemoSeeder.Options(42,
                OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC), 3000, 200, 70));
        client = MigratedDatabase.openAsClient(db, "stats_plans_client");
        aicha = new AuthService(client.unitOfWork(), SessionContext.installOn(client.unitOfWork()))
                .signIn("aicha.nze@ogooue-energie.demo", DemoSeeder.DEMO_RECRUITER_PASSWORD);
        // the platform serves many companies: other companies' jobs and applications (with their history), loaded
        // with the triggers off and the derived tables rebuilt set-based after, as seed --scale large does (the
        // same rows, about 30 s less than a trigger run per row)
        exec("SET session_replication_role = replica",
                "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type,"
                + " location_type, status, posted_at) SELECT e.id, e.company_id, 'Other company job ' || g, 'd',"
                + " 'full_time', 'on_site', 'published', now() - g * interval '1 hour' FROM generate_series(1, 8000) g,"
                + " LATERAL (SELECT id, company_id FROM public.employers WHERE company_id IS NOT NULL"
                + " AND company_id <> " + aicha.companyId() + " ORDER BY id OFFSET g % 5 LIMIT 1) e",
                "INSERT INTO public.job_applications (job_id, candidate_id, status, applied_at)"
                + " SELECT j.id, c.id, 'viewed', now() - (j.id % 300) * interval '1 day'"
                + " FROM (SELECT id FROM public.jobs WHERE title LIKE 'Other company job %' ORDER BY id) j"
                + " CROSS JOIN LATERAL (SELECT id FROM public.candidates ORDER BY (id * 7919 + j.id) % 1000 LIMIT 5) c"
                + " ON CONFLICT DO NOTHING",
                "INSERT INTO recruiter.application_status_events (application_id, from_status, to_status, changed_at,"
                + " source) SELECT a.id, NULL, a.status, a.applied_at, 'insert' FROM public.job_applications a"
                + " JOIN public.jobs j ON j.id = a.job_id WHERE j.title LIKE 'Other company job %'",
                "RESET session_replication_role",
                "SELECT recruiter.rebuild_company_candidates()",
                "SELECT recruiter.rebuild_job_application_counts()",
                "SELECT recruiter.rebuild_job_search_terms()",
                "SELECT recruiter.stats_rebuild()",
                "ANALYZE");
    }

    @AfterAll
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dashboard", "funnel", "times", "stale", "weekly", "sources", "topJobs", "jobs",
            "dashboard:period", "funnel:period", "times:period", "dashboard:job", "funnel:job"})
    void noSequentialScanOfAPlatformTable(String variant) {
        String[] parts = variant.split(":");
        LocalDate from = parts.length > 1 && parts[1].equals("period") ? LocalDate.of(2026, 1, 1) : null;
        Integer job = parts.length > 1 && parts[1].equals("job") ? anyJob() : null;
        StatsQuery q = StatsQuery.of(aicha, job, from, from == null ? null : LocalDate.of(2026, 2, 28), 14);
        Map<String, Object> params = new HashMap<>();
        params.put("q", q);
        params.put("limit", 200);
        JsonNode plan = client.unitOfWork().inTransaction(s -> explainAnalyze(s, NS + parts[0], params));
        List<String> seqScans = new ArrayList<>();
        collect(plan.get("Plan"), seqScans);
        log.info("stats {}: {} ms execution, {} ms planning, {} shared buffers hit", variant,
                plan.get("Execution Time"), plan.get("Planning Time"), plan.get("Plan").path("Shared Hit Blocks"));
        assertThat(seqScans).as(variant + " plan:\n" + plan.toPrettyString()).isEmpty();
    }

    /** The stale list is read by recruiter.stale_applications (V55): the plans of the statements it runs. */
    @Test
    void staleListReadsTheStaleIndexesInsideItsFunction() {
        Map<String, Object> params = new HashMap<>();
        params.put("q", StatsQuery.of(aicha, null, null, null, 14));
        params.put("limit", 200);
        NestedPlans.Run company = NestedPlans.of(db, client, "stats_plans_client", "aicha.nze@ogooue-energie.demo",
                NS + "stale", params);
        params.put("q", StatsQuery.of(aicha, anyJob(), null, null, 14));
        NestedPlans.Run job = NestedPlans.of(db, client, "stats_plans_client", "aicha.nze@ogooue-energie.demo",
                NS + "stale", params);
        log.info("stale, company: {} rows, scans {}; one job: {} rows, scans {}", company.rows(), company.scans(),
                job.rows(), job.scans());
        assertThat(company.rows()).as("the demo company has open applications older than 14 days").isPositive();
        // (the session's own look-ups scan the test's few sessions and employers)
        java.util.function.Predicate<String> bigTableSeqScan = scan -> scan.startsWith("Seq Scan")
                && (GUARDED.stream().anyMatch(t -> scan.equals("Seq Scan on " + t))
                    || scan.equals("Seq Scan on stats_application_facts"));
        assertThat(company.scans()).anyMatch(scan -> scan.contains("ix_stats_application_facts_company_stale"))
                .noneMatch(bigTableSeqScan);
        assertThat(job.scans()).anyMatch(scan -> scan.contains("ix_stats_application_facts_job_stale"))
                .noneMatch(bigTableSeqScan);
    }

    private Integer anyJob() {
        return Integer.parseInt(MigratedDatabases.column(db, "SELECT j.id FROM public.jobs j WHERE j.company_id = ?"
                + " AND j.status = 'published' ORDER BY j.id LIMIT 1", aicha.companyId()).get(0));
    }

    /** The statements in order on one connection (a SET holds for the ones after it). */
    private void exec(String... statements) throws java.sql.SQLException {
        try (var c = db.superuser().getConnection(); var st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static void collect(JsonNode node, List<String> found) {
        // A node with Actual Loops 0 never ran: the users policy's employer branch plans a scan of jobs by
        // employer_id that is only reached for a user who is an employer, never for a candidate's name.
        if ("Seq Scan".equals(node.path("Node Type").asText()) && GUARDED.contains(node.path("Relation Name").asText())
                && node.path("Actual Loops").asLong() > 0) {
            found.add(node.path("Relation Name").asText());
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, found);
        }
    }

    static JsonNode explainAnalyze(SqlSession session, String statementId, Object parameter) throws Exception {
        MappedStatement statement = session.getConfiguration().getMappedStatement(statementId);
        BoundSql bound = statement.getBoundSql(parameter);
        try (PreparedStatement ps = session.getConnection().prepareStatement(
                "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + bound.getSql())) {
            new DefaultParameterHandler(statement, parameter, bound).setParameters(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ObjectMapper().readTree(rs.getString(1)).get(0);
            }
        }
    }
}
