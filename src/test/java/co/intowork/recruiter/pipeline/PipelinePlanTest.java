package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.testing.DemoDatabase;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.testing.MigratedDatabase;
import co.intowork.recruiter.testing.NestedPlans;
import co.intowork.recruiter.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's statements, exactly as MyBatis sends them, explained as the signed-in client on demo data large
 * enough for the planner to prefer indexes (1,500 jobs, ~30,000 applications, after ANALYZE): none may read a
 * whole jobs, job_applications or candidates table; search must go through the full-text index.
 */
class PipelinePlanTest {
    private static final Pattern SEQ_SCAN = Pattern.compile(
            "\"Node Type\": \"Seq Scan\",[^{}]*?\"Relation Name\": \"(jobs|job_applications|candidates|notifications)\"");
    private static TestDatabase.Db db;
    private static SignedIn aicha;
    private static SignedIn ines;

    // the demo data's "today": jobs expire 30 to 90 days after their posting, up to 180 days before it
    private static final OffsetDateTime ANCHOR = OffsetDateTime.of(2026, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @BeforeAll
    static void seed() {
        db = DemoDatabase.create("pipeline_plan", new DemoSeeder.Options(42, ANCHOR, 3000, 1500, 40));
        aicha = PipelineFixture.signIn(db, "pipeline_plan_client", "aicha.nze@ogooue-energie.demo",
                DemoSeeder.DEMO_RECRUITER_PASSWORD);
        ines = PipelineFixture.signIn(db, "pipeline_plan_client", "ines.moukagni@hiring-manager.demo",
                DemoSeeder.DEMO_RECRUITER_PASSWORD);
    }

    /** EXPLAIN (ANALYZE, FORMAT JSON) of a mapper statement with these parameters, inside the client's session. */
    static String explain(UnitOfWork unitOfWork, String statement, Map<String, Object> parameters) {
        return unitOfWork.inTransaction(session -> {
            Configuration configuration = session.getConfiguration();
            BoundSql bound = configuration.getMappedStatement(PipelineMapper.class.getName() + "." + statement)
                    .getBoundSql(parameters);
            MetaObject meta = configuration.newMetaObject(parameters);
            Connection c = session.getConnection();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + bound.getSql())) {
                List<ParameterMapping> mappings = bound.getParameterMappings();
                for (int i = 0; i < mappings.size(); i++) {
                    String name = mappings.get(i).getProperty();
                    ps.setObject(i + 1, bound.hasAdditionalParameter(name) ? bound.getAdditionalParameter(name)
                            : meta.getValue(name));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private static Map<String, Object> params(PipelineCriteria criteria) {
        Map<String, Object> p = new HashMap<>();
        p.put("c", criteria);
        return p;
    }

    private static void assertIndexDriven(String plan) {
        Matcher m = SEQ_SCAN.matcher(plan);
        assertThat(m.find()).as("sequential scan in %s", plan).isFalse();
    }

    private static PipelineCriteria with(SignedIn who, JobStatus status, String search, JobSort sort) {
        PipelineCriteria c = PipelineFixture.criteria(who);
        return new PipelineCriteria(c.companyId(), c.userId(), status, null, null, null, null, search, sort, null,
                c.limit());
    }

    @Test
    void thePageAndItsCountReadOnlyThroughIndexes() {
        for (JobSort sort : JobSort.values()) {
            for (JobStatus status : new JobStatus[] {null, JobStatus.PUBLISHED}) {
                PipelineCriteria c = with(aicha, status, null, sort);
                String plan = explain(aicha.unitOfWork(), "page", params(c));
                assertIndexDriven(plan);
                assertIndexDriven(explain(aicha.unitOfWork(), "count", params(c)));
            }
        }
        // a later page, keyed on the last row of the first
        PipelineService.Page first = new PipelineService(aicha.unitOfWork()).page(with(aicha, null, null, JobSort.NEWEST));
        assertThat(first.rows()).hasSize(PipelineViewModel.PAGE_SIZE);
        assertThat(first.total()).isGreaterThan(400);
        assertIndexDriven(explain(aicha.unitOfWork(), "page",
                params(with(aicha, null, null, JobSort.NEWEST).after(first.rows().get(PipelineViewModel.PAGE_SIZE - 1)))));
        assertIndexDriven(explain(ines.unitOfWork(), "page", params(with(ines, null, null, JobSort.NEWEST))));
    }

    /**
     * "Expiring soonest", split at the demo data's anchor so that each group holds jobs, page after page of the
     * company's listing (cursors in each group and pages across their boundaries), with and without a status:
     * <ul>
     * <li>as a prepared statement runs once PostgreSQL keeps its generic plan: at most three ranges of
     *     ix_jobs_company_expiring walked in order, each cut at the page size, and only those rows sorted;</li>
     * <li>as the first runs are planned, with the values: the planner may read a group of a few hundred jobs and
     *     sort it (this company's expired ones: 220) rather than walk it, but never more than one group, never the
     *     company's jobs, never a sequential scan. (For the platform's largest company, 8,001 jobs, each group is
     *     thousands of entries and the custom plan walks it too: that choice is the planner's, by its estimates.)</li>
     * </ul>
     * A hiring manager's few jobs and a search's hits: no sequential scan.
     */
    @Test
    void expiringSoonestReadsAtMostThreeIndexRangesAndNeverSortsTheCompany() throws Exception {
        PipelineService service = new PipelineService(aicha.unitOfWork());
        for (JobStatus status : new JobStatus[] {null, JobStatus.PUBLISHED}) {
            PipelineCriteria c = expiring(aicha, status);
            List<PipelineCriteria> pages = new java.util.ArrayList<>();
            Map<Integer, Integer> groups = new java.util.TreeMap<>();
            while (true) {
                pages.add(c);
                List<JobSummary> rows = service.page(c).rows();
                for (JobSummary r : rows) {
                    groups.merge(c.expiringGroup(r.getExpiresAt()), 1, Integer::sum);
                }
                if (rows.size() < c.limit()) {
                    break;
                }
                c = c.after(rows.get(rows.size() - 1));
            }
            // the walk crossed from the jobs still to expire into the undated (drafts) and the expired ones
            assertThat(groups.keySet()).as("status %s", status)
                    .contains(PipelineCriteria.STILL_OPEN, PipelineCriteria.EXPIRED);
            if (status == null) {
                assertThat(groups.keySet()).contains(PipelineCriteria.NO_EXPIRY);
                assertThat(pages).hasSizeGreaterThan(8);
            }
            int company = groups.values().stream().mapToInt(Integer::intValue).sum();
            int largestGroup = java.util.Collections.max(groups.values());
            assertThat(largestGroup).isLessThan(company);
            for (int i = 0; i < pages.size(); i++) {
                PipelineCriteria page = pages.get(i);
                JsonNode generic = new ObjectMapper().readTree(explainGeneric(aicha.unitOfWork(), "page", params(page)));
                assertIndexDriven(generic.toString());
                assertThat(generic.toString()).as("page %d", i).contains("ix_jobs_company_expiring");
                assertReadsAtMost(generic, page.limit(), 3 * page.limit());
                JsonNode custom = new ObjectMapper().readTree(explain(aicha.unitOfWork(), "page", params(page)));
                assertIndexDriven(custom.toString());
                assertThat(custom.toString()).as("page %d", i).contains("ix_jobs_company_expiring");
                assertReadsAtMost(custom, largestGroup, largestGroup);
            }
        }
        assertIndexDriven(explain(ines.unitOfWork(), "page", params(expiring(ines, null))));
        assertIndexDriven(explain(aicha.unitOfWork(), "page",
                params(new PipelineCriteria(aicha.user().companyId(), aicha.user().userId(), null, null, null, null,
                        null, "ingénieur", null, JobSort.EXPIRING, null, PipelineViewModel.PAGE_SIZE, ANCHOR))));
    }

    private static PipelineCriteria expiring(SignedIn who, JobStatus status) {
        PipelineCriteria c = PipelineFixture.criteria(who);
        return new PipelineCriteria(c.companyId(), c.userId(), status, null, null, null, null, null, null,
                JobSort.EXPIRING, null, c.limit(), ANCHOR);
    }

    /**
     * The statement's generic plan, the one a prepared statement runs once PostgreSQL stops planning it for its
     * values (pgjdbc prepares on the server from the fifth run): PREPARE, then EXPLAIN EXECUTE under
     * plan_cache_mode = force_generic_plan, the values written as literals.
     */
    static String explainGeneric(UnitOfWork unitOfWork, String statement, Map<String, Object> parameters) {
        return unitOfWork.inTransaction(session -> {
            Configuration configuration = session.getConfiguration();
            BoundSql bound = configuration.getMappedStatement(PipelineMapper.class.getName() + "." + statement)
                    .getBoundSql(parameters);
            MetaObject meta = configuration.newMetaObject(parameters);
            StringBuilder sql = new StringBuilder();
            int n = 0;
            for (char ch : bound.getSql().toCharArray()) {
                if (ch == '?') {
                    sql.append('$').append(++n);
                } else {
                    sql.append(ch);
                }
            }
            List<String> values = new java.util.ArrayList<>();
            for (ParameterMapping mapping : bound.getParameterMappings()) {
                String name = mapping.getProperty();
                Object v = bound.hasAdditionalParameter(name) ? bound.getAdditionalParameter(name)
                        : meta.getValue(name);
                values.add(v == null ? "NULL" : v instanceof Number ? v.toString()
                        : "'" + v.toString().replace("'", "''") + "'");
            }
            try (var st = session.getConnection().createStatement()) {
                st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                st.execute("PREPARE generic_page AS " + sql);
                try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE generic_page("
                        + String.join(", ", values) + ")")) {
                    rs.next();
                    String plan = rs.getString(1);
                    st.execute("DEALLOCATE generic_page");
                    return plan;
                }
            }
        });
    }

    /**
     * No scan of jobs hands out more than {@code scanned} rows (summed over its loops) and no sort takes in more
     * than {@code sorted}.
     */
    private static void assertReadsAtMost(JsonNode node, int scanned, int sorted) {
        if (node.isArray()) {
            node.forEach(n -> assertReadsAtMost(n, scanned, sorted));
            return;
        }
        if (node.has("Plan")) {
            assertReadsAtMost(node.get("Plan"), scanned, sorted);
            return;
        }
        if ("jobs".equals(node.path("Relation Name").asText())) {
            assertThat(node.path("Actual Rows").asLong() * node.path("Actual Loops").asLong())
                    .as("rows of %s", node.path("Index Name").asText(node.path("Node Type").asText()))
                    .isLessThanOrEqualTo(scanned);
        }
        if ("Sort".equals(node.path("Node Type").asText())) {
            for (JsonNode child : node.path("Plans")) {
                assertThat(child.path("Actual Rows").asLong() * child.path("Actual Loops").asLong())
                        .as("rows sorted").isLessThanOrEqualTo(sorted);
            }
        }
        node.path("Plans").forEach(n -> assertReadsAtMost(n, scanned, sorted));
    }

    @Test
    void searchGoesThroughTheFullTextIndex() {
        for (String word : List.of("développeur", "engineer")) {
            PipelineCriteria c = with(aicha, null, word, JobSort.NEWEST);
            assertIndexDriven(explain(aicha.unitOfWork(), "page", params(c)));
            assertThat(new PipelineService(aicha.unitOfWork()).page(c).rows()).as(word).isNotEmpty();
        }
        // the function's own statement, as its owner (the client cannot see inside a SECURITY DEFINER function)
        try (var admin = MigratedDatabase.open(db)) {
            String plan = admin.unitOfWork().inTransaction(session -> {
                try (var st = session.getConnection().createStatement();
                     ResultSet body = st.executeQuery("SELECT prosrc FROM pg_proc"
                             + " WHERE oid = 'recruiter.search_visible_jobs(text)'::regprocedure")) {
                    body.next();
                    String sql = body.getString(1).replaceAll("\\bquery\\b", "'développeur'");
                    try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            });
            assertThat(plan).contains("ix_jobs_company_search_document");
            assertIndexDriven(plan);
        }
    }

    @Test
    void aTagFilterReadsTheTagIndexAndKeepsThePageIndexDriven() {
        PipelineService service = new PipelineService(aicha.unitOfWork());
        for (JobSort sort : JobSort.values()) {
            for (JobStatus status : new JobStatus[] {null, JobStatus.PUBLISHED}) {
                for (String search : new String[] {null, "ingénieur"}) {
                    PipelineCriteria c = tagged(with(aicha, status, search, sort), "bilingue");
                    assertIndexDriven(explain(aicha.unitOfWork(), "page", params(c)));
                    assertIndexDriven(explain(aicha.unitOfWork(), "count", params(c)));
                }
            }
        }
        // the demo seed tags a third of the applications past "applied": some of Aïcha's jobs, not all
        PipelineService.Page all = service.page(with(aicha, null, null, JobSort.NEWEST));
        PipelineService.Page bilingual = service.page(tagged(with(aicha, null, null, JobSort.NEWEST), "bilingue"));
        assertThat(bilingual.total()).isPositive().isLessThan(all.total());
        PipelineService.Page later = service.page(tagged(with(aicha, null, null, JobSort.NEWEST), "bilingue")
                .after(bilingual.rows().get(bilingual.rows().size() - 1)));
        assertIndexDriven(explain(aicha.unitOfWork(), "page",
                params(tagged(with(aicha, null, null, JobSort.NEWEST), "bilingue")
                        .after(bilingual.rows().get(bilingual.rows().size() - 1)))));
        assertThat(later.rows()).extracting(JobSummary::getId)
                .doesNotContainAnyElementsOf(bilingual.rows().stream().map(JobSummary::getId).toList());
        assertIndexDriven(explain(ines.unitOfWork(), "page", params(tagged(with(ines, null, null, JobSort.NEWEST),
                "bilingue"))));
        // the function's own statement, as its owner: the company's range of recruiter.job_tags (V51), never the
        // applications (ADR 0026: the GIN index on tags read every company's hits)
        try (var admin = MigratedDatabase.open(db)) {
            String plan = admin.unitOfWork().inTransaction(session -> {
                try (var st = session.getConnection().createStatement();
                     ResultSet body = st.executeQuery("SELECT prosrc FROM pg_proc"
                             + " WHERE oid = 'recruiter.tagged_job_ids(text)'::regprocedure")) {
                    body.next();
                    String sql = body.getString(1).replace("$1", "'bilingue'");
                    try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            });
            assertThat(plan).contains("job_tags").doesNotContain("job_applications");
            assertIndexDriven(plan);
        }
    }

    @Test
    void aTagAloneAndAOneWordSearchReadAtMostAPageOfEachRange() {
        PipelineService service = new PipelineService(aicha.unitOfWork());
        PipelineCriteria tag = tagged(with(aicha, null, null, JobSort.NEWEST), "bilingue");
        PipelineCriteria any = with(aicha, null, "développeur", JobSort.NEWEST);
        // the demo data has a few dozen hits for the word: a page of 5
        PipelineCriteria word = new PipelineCriteria(any.companyId(), any.userId(), null, null, null, null, null,
                any.search(), any.sort(), null, 5);
        assertThat(tag.tagPagedInListOrder()).isTrue();
        assertThat(word.searchPagedInListOrder()).isTrue();
        // more hits than a page, or cutting the ranges would prove nothing
        assertThat(service.page(tag).total()).isGreaterThan(tag.limit());
        assertThat(service.page(with(aicha, JobStatus.PUBLISHED, "développeur", JobSort.NEWEST)).total())
                .isGreaterThan(2L * word.limit());
        try (Database client = MigratedDatabase.openAsClient(db, "pipeline_plan_client")) {
            for (PipelineCriteria c : List.of(tag, word, tag.after(service.page(tag).rows().get(tag.limit() - 1)))) {
                NestedPlans.Run run = NestedPlans.of(db, client, "pipeline_plan_client", "aicha.nze@ogooue-energie.demo",
                        PipelineMapper.class.getName() + ".page", params(c));
                assertThat(run.rows()).as("%s", c).isEqualTo(c.limit());
                String range = c.hasTag() ? "ix_job_tags_company_tag_posted" : "ix_job_search_terms_order";
                List<Long> read = rowsRead(run, range);
                assertThat(read).as("%s: %s", c, run.scans()).isNotEmpty()
                        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(c.limit()));
                assertThat(run.scans()).as("%s", c).noneMatch(scan -> scan.matches("Seq Scan on (jobs|job_applications|job_tags|job_search_terms)"))
                        .noneMatch(scan -> scan.contains("ix_job_applications_tags"));
            }
            // with a status, the page's generic plan (a prepared statement's) still fetches the 50 ids by key: the
            // status is not repeated on the jobs, where it made the plan walk the company's jobs of that status
            PipelineCriteria published = tagged(with(aicha, JobStatus.PUBLISHED, null, JobSort.NEWEST), "bilingue");
            assertThat(published.tagPagedInListOrder()).isTrue();
            String generic = explainGeneric(aicha.unitOfWork(), "page", params(published));
            assertIndexDriven(generic);
            assertThat(generic).doesNotContain("ix_jobs_company_status");
            NestedPlans.Run count = NestedPlans.of(db, client, "pipeline_plan_client", "aicha.nze@ogooue-energie.demo",
                    PipelineMapper.class.getName() + ".taggedCount", Map.of("tag", "bilingue"));
            assertThat(count.scans()).anyMatch(scan -> scan.endsWith("using ix_job_tags_company_tag_posted"))
                    .noneMatch(scan -> scan.matches("Seq Scan on (jobs|job_applications|job_tags)"));
        }
    }

    /** The rows each scan of this index returned per loop (one loop per lexeme for the search), in the nested plans. */
    private static List<Long> rowsRead(NestedPlans.Run run, String index) {
        List<Long> out = new java.util.ArrayList<>();
        java.util.Deque<com.fasterxml.jackson.databind.JsonNode> todo = new java.util.ArrayDeque<>(run.plans());
        while (!todo.isEmpty()) {
            com.fasterxml.jackson.databind.JsonNode n = todo.pop();
            if (index.equals(n.path("Index Name").asText())) {
                out.add(n.path("Actual Rows").asLong());
            }
            n.path("Plans").forEach(todo::push);
        }
        return out;
    }

    private static PipelineCriteria tagged(PipelineCriteria c, String tag) {
        return new PipelineCriteria(c.companyId(), c.userId(), c.status(), c.jobType(), c.locationType(), c.country(),
                c.employerId(), c.search(), tag, c.sort(), c.after(), c.limit());
    }
}
