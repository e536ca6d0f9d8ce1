package co.intowork.recruiter.sync;

import co.intowork.recruiter.app.bench.Plans;
import co.intowork.recruiter.auth.AuthService;
import co.intowork.recruiter.auth.SessionContext;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.testing.BulkLoad;
import co.intowork.recruiter.testing.DemoDatabase;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan guard for the offline pull and push (decision 0010): every {@link SliceMapper} statement, which all run on
 * the SERVER through the signed-in client session (row-level security on), explained with the parameters
 * {@link SyncService} passes, for a recruiter and for a hiring manager, on a platform larger than the demo (the
 * demo seed, 20,000 more candidates with full profiles, 1,000 other companies with 8,000 jobs, and one job with 1,500
 * applications), after ANALYZE. The pull's reads are explained three ways: the first pull (no watermark: null),
 * a watermark far in the past, and an incremental pull (a recent watermark, a few rows changed since). No plan may
 * run a sequential scan of jobs, job_applications, notifications, candidates, the candidate profile tables or the
 * status history. Each plan's execution time and indexes are written to target/slice-plans.md.
 *
 * <p>Not guarded, since they never run on the server: {@link ReplicaMapper} (the pull's writes, the local purge,
 * the outbox and conflicts) and {@link CvFileMapper} (which CV files the slice needs) run on the laptop's replica, as
 * its owner, over the few jobs taken offline: the slice's own copy, not the platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlicePlanTest {
    /** The platform tables a pull reads per job or per candidate; all large here, all guarded. */
    static final Set<String> GUARDED = Set.of("jobs", "job_applications", "notifications", "candidates",
            "experiences", "educations", "skills", "candidate_cvs", "application_status_events");
    private static final String NS = SliceMapper.class.getName() + ".";
    private static final int OTHER_CANDIDATES = 20_000;
    private static final int BIG_JOB_APPLICATIONS = 1_500;

    private TestDatabase.Db db;
    private final List<Database> opened = new ArrayList<>();
    private SignedIn aicha;
    private SignedIn ines;
    private int bigJob;
    private OffsetDateTime recent;
    private final StringBuilder report = new StringBuilder();
    private final StringBuilder failing = new StringBuilder();

    @BeforeAll
    void seed() {
        db = DemoDatabase.create("slice_plans", new DemoSeeder.Options(42,
                OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC), 3000, 200, 70));
        // the hiring manager's busiest job (the first company's, so the recruiter sees it too)
        bigJob = Integer.parseInt(SyncFixture.text(db, "SELECT m.job_id FROM recruiter.job_hiring_managers m "
                + "JOIN public.users u ON u.id = m.user_id WHERE u.email = 'ines.moukagni@hiring-manager.demo' "
                + "ORDER BY m.job_id LIMIT 1"));
        // the platform: many more candidates than one job's applicants, each with a profile like the demo's. Their
        // full-text search documents play no part in the slice's reads, so V13's search triggers (one document
        // rebuild per candidate, per skill row and, since V39, per past position) are held off while they are inserted: most of the setup time
        SyncFixture.update(db, "ALTER TABLE public.candidates DISABLE TRIGGER recruiter_candidate_search");
        SyncFixture.update(db, "ALTER TABLE public.skills DISABLE TRIGGER recruiter_candidate_search");
        SyncFixture.update(db, "ALTER TABLE public.experiences DISABLE TRIGGER recruiter_candidate_search");
        SyncFixture.update(db, """
                INSERT INTO public.users (id, email, role, first_name, last_name, is_active, created_at, updated_at)
                SELECT 1000000 + g, 'platform' || g || '@example.com', 'CANDIDATE', 'Platform', 'Candidate ' || g,
                       true, timestamptz '2025-06-01' + g * interval '10 minutes',
                       timestamptz '2025-06-01' + g * interval '10 minutes'
                  FROM generate_series(1, ?) g""", OTHER_CANDIDATES);
        SyncFixture.update(db, """
                INSERT INTO public.candidates (id, user_id, title, summary, created_at, updated_at)
                SELECT 1000000 + g, 1000000 + g, 'Engineer ' || g, 'Summary.',
                       timestamptz '2025-06-01' + g * interval '10 minutes',
                       timestamptz '2025-06-01' + g * interval '10 minutes'
                  FROM generate_series(1, ?) g""", OTHER_CANDIDATES);
        SyncFixture.update(db, """
                INSERT INTO public.experiences (candidate_id, title, company, start_date, updated_at)
                SELECT 1000000 + g, 'Role ' || k, 'Company ' || k, '2019-01',
                       timestamptz '2025-06-01' + g * interval '10 minutes'
                  FROM generate_series(1, ?) g, generate_series(1, 2) k""", OTHER_CANDIDATES);
        SyncFixture.update(db, """
                INSERT INTO public.educations (candidate_id, degree, school, start_date, end_date, updated_at)
                SELECT 1000000 + g, 'Master', 'School', '2015-09', '2017-06',
                       timestamptz '2025-06-01' + g * interval '10 minutes'
                  FROM generate_series(1, ?) g""", OTHER_CANDIDATES);
        SyncFixture.update(db, """
                INSERT INTO public.skills (candidate_id, name, level, category, updated_at)
                SELECT 1000000 + g, 'Skill ' || k, 3, 'TECHNICAL', timestamptz '2025-06-01' + g * interval '10 minutes'
                  FROM generate_series(1, ?) g, generate_series(1, 3) k""", OTHER_CANDIDATES);
        SyncFixture.update(db, """
                INSERT INTO public.candidate_cvs (candidate_id, filename, file_path, file_size, is_active, updated_at)
                SELECT 1000000 + g, 'cv.pdf', '/cv/' || g || '.pdf', 100000, true,
                       timestamptz '2025-06-01' + g * interval '10 minutes'
                  FROM generate_series(1, ?) g""", OTHER_CANDIDATES);
        SyncFixture.update(db, "ALTER TABLE public.candidates ENABLE TRIGGER recruiter_candidate_search");
        SyncFixture.update(db, "ALTER TABLE public.skills ENABLE TRIGGER recruiter_candidate_search");
        SyncFixture.update(db, "ALTER TABLE public.experiences ENABLE TRIGGER recruiter_candidate_search");
        // the job taken offline: 1,500 applications (each with its 'insert' status event, from the trigger)
        BulkLoad.applications(db, """
                INSERT INTO public.job_applications (job_id, candidate_id, status, applied_at, updated_at)
                SELECT ?, 1000000 + g,
                       (ARRAY['applied','viewed','shortlisted','interview'])[1 + g % 4]::public.applicationstatus,
                       timestamptz '2026-01-01' + g * interval '1 hour', timestamptz '2026-01-01' + g * interval '1 hour'
                  FROM generate_series(1, ?) g""", bigJob, BIG_JOB_APPLICATIONS);
        // the other applicants applied to other companies' jobs: 1,000 companies, 2 recruiters each, 4 jobs per
        // recruiter (few jobs per employer and company, as on the platform: the policies' EXISTS checks on jobs by
        // employer or company then probe the indexes, as with the large data set)
        SyncFixture.update(db, """
                INSERT INTO public.companies (id, name, created_at, updated_at)
                SELECT 500000 + k, 'Other company ' || k, timestamptz '2025-01-01', timestamptz '2025-01-01'
                  FROM generate_series(1, 1000) k""");
        SyncFixture.update(db, """
                INSERT INTO public.users (id, email, role, first_name, last_name, is_active, created_at, updated_at)
                SELECT 2000000 + k, 'recruiter' || k || '@other.example', 'EMPLOYER', 'Other', 'Recruiter ' || k, true,
                       timestamptz '2025-01-01', timestamptz '2025-01-01'
                  FROM generate_series(1, 2000) k""");
        SyncFixture.update(db, """
                INSERT INTO public.employers (id, user_id, company_id, position, created_at, updated_at)
                SELECT 500000 + k, 2000000 + k, 500000 + (k + 1) / 2, 'Recruiter', timestamptz '2025-01-01',
                       timestamptz '2025-01-01'
                  FROM generate_series(1, 2000) k""");
        BulkLoad.jobs(db, """
                INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type, location_type,
                                         status, posted_at, updated_at)
                SELECT 500000 + g, 500000 + (g + 3) / 4, 500000 + (g + 7) / 8, 'Other company job ' || g, 'd',
                       'full_time', 'on_site', 'published', timestamptz '2025-06-01' + g * interval '1 hour',
                       timestamptz '2025-06-01' + g * interval '1 hour'
                  FROM generate_series(1, 8000) g""");
        BulkLoad.applications(db, """
                INSERT INTO public.job_applications (job_id, candidate_id, status, applied_at, updated_at)
                SELECT 500001 + g % 8000, 1000000 + g, 'applied', timestamptz '2026-01-01', timestamptz '2026-01-01'
                  FROM generate_series(?, ?) g""", BIG_JOB_APPLICATIONS + 1, OTHER_CANDIDATES);
        // an incremental pull's "since": a few changes after it (the update trigger stamps now()), the rest older
        recent = OffsetDateTime.now().minusHours(1);
        SyncFixture.update(db, "UPDATE public.job_applications SET rating = 4 WHERE id IN (SELECT id FROM "
                + "public.job_applications WHERE job_id = ? ORDER BY id LIMIT 20)", bigJob);
        SyncFixture.update(db, "UPDATE public.experiences SET title = title || ' (updated)' WHERE candidate_id IN "
                + "(SELECT candidate_id FROM public.job_applications WHERE job_id = ? ORDER BY id DESC LIMIT 5)", bigJob);
        SyncFixture.update(db, "ANALYZE");

        aicha = signIn("aicha.nze@ogooue-energie.demo");
        ines = signIn("ines.moukagni@hiring-manager.demo");
        report.append("# SliceMapper plans\n\n`mvn -q -B test -Dtest=SlicePlanTest` (job ").append(bigJob)
                .append(", ").append(SyncFixture.text(db, "SELECT count(*) FROM public.job_applications WHERE job_id = ?",
                        bigJob)).append(" applications; platform: ")
                .append(counts()).append(")\n\n| statement | as | execution ms | indexes |\n|---|---|---|---|\n");
    }

    private String counts() {
        List<String> parts = new ArrayList<>();
        for (String t : List.of("public.jobs", "public.job_applications", "public.candidates", "public.experiences",
                "public.skills", "recruiter.application_status_events", "public.notifications")) {
            parts.add(t.substring(t.indexOf('.') + 1) + " " + SyncFixture.text(db, "SELECT count(*) FROM " + t));
        }
        return String.join(", ", parts);
    }

    @AfterAll
    void close() throws IOException {
        opened.forEach(Database::close);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "slice-plans.md"), report.append(failing));
    }

    private SignedIn signIn(String email) {
        Database own = MigratedDatabase.openAsClient(db, "slice_plans_client");
        opened.add(own);
        SignedInUser user = new AuthService(own.unitOfWork(), SessionContext.installOn(own.unitOfWork()))
                .signIn(email, DemoSeeder.DEMO_RECRUITER_PASSWORD);
        return new SignedIn(user, own.unitOfWork(), new ImmediateTaskRunner());
    }

    /** Each statement's cases: a label and the parameters SyncService passes. */
    private Map<String, Map<String, Map<String, Object>>> cases(SignedIn who) {
        Map<String, Map<String, Map<String, Object>>> c = new LinkedHashMap<>();
        Integer companyId = who.user().companyId();
        int userId = who.user().userId();
        Integer[] slice = SyncFixture.column(db, "SELECT id FROM public.jobs WHERE company_id = "
                        + "(SELECT company_id FROM public.jobs WHERE id = ?) ORDER BY id LIMIT 5", bigJob)
                .stream().map(Integer::valueOf).toArray(Integer[]::new);
        Integer[] allCandidates = candidates(null);
        Integer[] changedCandidates = candidates(recent);
        int application = Integer.parseInt(SyncFixture.text(db,
                "SELECT min(id) FROM public.job_applications WHERE job_id = ?", bigJob));

        c.put("visibleJobs", Map.of("slice", map("jobIds", slice, "companyId", companyId, "userId", userId)));
        for (String perJob : List.of("job", "jobPeople", "jobEmployer", "jobCompany", "hiringManagers",
                "applicationIds")) {
            c.put(perJob, Map.of("", map("jobId", bigJob)));
        }
        for (String sinceRead : List.of("applications", "events", "changedCandidates")) {
            Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
            variants.put("first pull", map("jobId", bigJob, "since", null));
            variants.put("old watermark", map("jobId", bigJob, "since", OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0,
                    ZoneOffset.UTC)));
            variants.put("incremental", map("jobId", bigJob, "since", recent));
            c.put(sinceRead, variants);
        }
        for (String byCandidate : List.of("candidates", "candidateUsers")) {
            c.put(byCandidate, Map.of("first pull", map("candidateIds", allCandidates),
                    "incremental", map("candidateIds", changedCandidates)));
        }
        Map<String, Map<String, Object>> profile = new LinkedHashMap<>();
        for (SliceTable t : SliceTable.profileTables()) {
            profile.put(t.bare() + ", first pull", map("table", t.bare(), "candidateIds", allCandidates));
            profile.put(t.bare() + ", incremental", map("table", t.bare(), "candidateIds", changedCandidates));
        }
        c.put("profileRows", profile);
        c.put("applicationState", Map.of("", map("applicationId", application, "companyId", companyId,
                "userId", userId)));
        c.put("appliedOperation", Map.of("", map("operationId", "6f1c1d0e-8f4a-4c7e-9a53-3c1f0b1e2d44")));
        // a write, planned without running (Plans.explainForGuard)
        c.put("recordOperation", Map.of("", map("operationId", "6f1c1d0e-8f4a-4c7e-9a53-3c1f0b1e2d44",
                "applicationId", application, "kind", "MOVE")));
        return c;
    }

    private Integer[] candidates(OffsetDateTime since) {
        return aicha.unitOfWork().inTransaction(s -> s.getMapper(SliceMapper.class).changedCandidates(bigJob, since))
                .toArray(Integer[]::new);
    }

    @Test
    void everySliceStatementIsGuarded() {
        Set<String> statements = new TreeSet<>();
        for (Object o : aicha.unitOfWork().factory().getConfiguration().getMappedStatements()) {
            if (o instanceof MappedStatement ms && ms.getId().startsWith(NS)) {
                statements.add(ms.getId().substring(NS.length()));
            }
        }
        assertThat(new TreeSet<>(cases(aicha).keySet())).as("SliceMapper statements and their plan cases")
                .isEqualTo(statements);
    }

    @Test
    void thePullAndPushReadTheServerThroughIndexes() {
        assertThat(candidates(null)).as("the job's applicants").hasSizeGreaterThanOrEqualTo(BIG_JOB_APPLICATIONS);
        assertThat(candidates(recent)).as("changed since the recent watermark").hasSizeBetween(20, 40);
        Map<String, List<String>> scans = new LinkedHashMap<>();
        for (SignedIn who : List.of(aicha, ines)) {
            for (var statement : cases(who).entrySet()) {
                for (var variant : statement.getValue().entrySet()) {
                    String label = statement.getKey() + (variant.getKey().isEmpty() ? "" : " (" + variant.getKey() + ")");
                    List<String> found = explain(who, statement.getKey(), label, variant.getValue());
                    if (!found.isEmpty()) {
                        scans.put(label + " as " + who.user().email(), found);
                    }
                }
            }
        }
        assertThat(scans).as("sequential scans of " + new TreeSet<>(GUARDED) + " (plans in target/slice-plans.md)")
                .isEmpty();
    }

    private List<String> explain(SignedIn who, String statement, String label, Map<String, Object> params) {
        return who.unitOfWork().inTransaction(session -> {
            JsonNode plan = Plans.explainForGuard(session, NS + statement, params);
            List<String> scans = new ArrayList<>();
            collect(plan, scans);
            JsonNode top = plan;
            report.append("| ").append(label).append(" | ").append(who.user().isRecruiter() ? "recruiter" : "hiring manager")
                    .append(" | ").append(top.has("Actual Total Time") ? top.get("Actual Total Time").asText() : "(not run)")
                    .append(" | ").append(String.join(", ", Plans.indexesUsed(plan)))
                    .append(scans.isEmpty() ? "" : " **Seq Scan: " + String.join(", ", scans) + "**").append(" |\n");
            if (!scans.isEmpty()) {
                failing.append("\n## ").append(label).append(" as ").append(who.user().email()).append("\n\n```\n")
                        .append(textPlan(session, statement, params)).append("```\n");
            }
            return scans;
        });
    }

    /** The plan as EXPLAIN (ANALYZE, BUFFERS) text, for the report when the guard fails. */
    private static String textPlan(SqlSession session, String statement, Map<String, Object> params)
            throws SQLException {
        MappedStatement ms = session.getConfiguration().getMappedStatement(NS + statement);
        BoundSql bound = ms.getBoundSql(params);
        boolean write = ms.getSqlCommandType() != SqlCommandType.SELECT;
        try (PreparedStatement ps = session.getConnection().prepareStatement(
                (write ? "EXPLAIN " : "EXPLAIN (ANALYZE, BUFFERS) ") + bound.getSql())) {
            new DefaultParameterHandler(ms, params, bound).setParameters(ps);
            StringBuilder text = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
            return text.toString();
        }
    }

    /** Sequential scans of a guarded table that ran (a policy branch never reached, 0 loops, costs nothing). */
    private static void collect(JsonNode node, List<String> out) {
        boolean neverRan = node.has("Actual Loops") && node.get("Actual Loops").asLong() == 0;
        if (!neverRan && "Seq Scan".equals(node.path("Node Type").asText())
                && GUARDED.contains(node.path("Relation Name").asText())) {
            out.add(node.get("Relation Name").asText());
        }
        node.path("Plans").forEach(child -> collect(child, out));
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
